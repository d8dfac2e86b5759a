package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpufreq on {@code testdata/fixtures/edge/cpu-cpufreq}, a hand-made acpi-cpufreq tree (the build
 * VM has no cpufreq driver): cpu0 with the root-only cpuinfo_cur_freq, cpu1 and cpu2 without it,
 * cpu3 without cpufreq; {@code cpu<N>/cpufreq} are links to {@code cpufreq/policy<N>} as on Linux
 * 4.3 and later.
 */
class CpufreqCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        CpufreqCollector::new, TestContext.forPlugin("cpu").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/cpu-cpufreq")), "cpufreq.prom");
  }

  @Test
  void hertzPerCpu() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/cpu-cpufreq"));
    assertThat(Exposition.value(out, "node_cpu_frequency_hertz", "cpu", "0")).hasValue(2.4e9);
    assertThat(Exposition.value(out, "node_cpu_frequency_hertz", "cpu", "1")).isEmpty();
    assertThat(Exposition.value(out, "node_cpu_scaling_frequency_hertz", "cpu", "0"))
        .hasValue(2399712000.0);
    assertThat(Exposition.value(out, "node_cpu_scaling_frequency_max_hertz", "cpu", "2"))
        .hasValue(2.8e9);
    assertThat(Exposition.value(out, "node_cpu_frequency_min_hertz", "cpu", "3")).isEmpty();
  }

  @Test
  void noCpufreqDriverIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).isZero();
    assertThat(run(HostPaths.under(root)).size()).as("no /sys at all").isZero();
  }

  @Test
  void aFrequencyThatIsNoNumberFailsNamingTheFile(@TempDir Path root) throws Exception {
    Path dir = Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu0/cpufreq"));
    Files.writeString(dir.resolve("scaling_cur_freq"), "<unknown>\n");
    assertThatThrownBy(() -> run(HostPaths.under(root)))
        .hasMessage(dir.resolve("scaling_cur_freq") + ": not a number: \"<unknown>\"");
  }
}
