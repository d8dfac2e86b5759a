package io.agentcollector.plugin.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meminfo_numa on the build machine's node0 (meminfo and numastat captured with cat). */
class MeminfoNumaCollectorGoldenTest {

  @TempDir Path root;

  static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(MeminfoNumaCollector::new, context);
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(TestContext.forPlugin("mem")), "meminfo_numa.prom");
  }

  @Test
  void namesAndUnitsAsNodeExporter() throws Exception {
    MetricSnapshots out = run(TestContext.forPlugin("mem"));
    assertThat(Exposition.value(out, "node_memory_numa_MemTotal", "node", "0"))
        .hasValue(14116636.0 * 1024);
    assertThat(Exposition.value(out, "node_memory_numa_Active_anon", "node", "0"))
        .hasValue(1580.0 * 1024);
    assertThat(Exposition.value(out, "node_memory_numa_HugePages_Total", "node", "0")).hasValue(0);
    assertThat(Exposition.value(out, "node_memory_numa_interleave_hit_total", "node", "0"))
        .hasValue(1117);
    assertThat(Exposition.value(out, "node_memory_numa_MemTotal_bytes")).isEmpty();
  }

  @Test
  void twoNodes() throws Exception {
    for (int n = 0; n < 2; n++) {
      Path dir = Files.createDirectories(root.resolve("sys/devices/system/node/node" + n));
      Files.writeString(dir.resolve("meminfo"), "Node " + n + " MemFree: " + (n + 1) + " kB\n");
      Files.writeString(dir.resolve("numastat"), "numa_miss " + (n + 7) + "\n");
    }
    MetricSnapshots out = run(TestContext.forPlugin("mem").withHostPaths(HostPaths.under(root)));
    assertThat(Exposition.value(out, "node_memory_numa_MemFree", "node", "1")).hasValue(2048);
    assertThat(Exposition.value(out, "node_memory_numa_numa_miss_total", "node", "1")).hasValue(8);
    assertThat(Exposition.value(out, "node_memory_numa_numa_miss_total", "node", "0")).hasValue(7);
  }

  @Test
  void offByDefaultAsInNodeExporter() {
    CollectorInfo info = MeminfoNumaCollector.class.getAnnotation(CollectorInfo.class);
    assertThat(info.enabledByDefault()).isFalse();
    assertThat(info.name()).isEqualTo("meminfo_numa");
  }

  @Test
  void noNodeDirectoryIsNoSeriesAndNoFailure() throws Exception {
    assertThat(run(TestContext.forPlugin("mem").withHostPaths(HostPaths.under(root))).size())
        .isZero();
  }
}
