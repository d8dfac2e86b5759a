package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.proc.ProcStat;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorGoldenTest {

  @TempDir Path tmp;

  @Test
  void buildMachine() throws Exception {
    MetricSnapshots out = CollectorRun.once(CpuCollector::new, TestContext.forPlugin("cpu"));
    Golden.assertMatches(out, "cpu.prom");
    // cpu0 idle: 436844 ticks of 1/100 s.
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "0", "mode", "idle"))
        .hasValue(4368.44);
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "1", "mode", "user"))
        .hasValue(1033.24);
    assertThat(Exposition.value(out, "host_cpu_usage_ratio")).as("first cycle").isEmpty();
  }

  @Test
  void bareMetalWithOfflineCpuIsolationAndThrottles() throws Exception {
    var ctx = TestContext.forPlugin("cpu").withHostPaths(Fixtures.hostPaths("edge/cpu-bare-metal"));
    MetricSnapshots out = CollectorRun.once(CpuCollector::new, ctx);
    Golden.assertMatches(out, "cpu-bare-metal.prom");
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "2", "mode", "idle"))
        .as("offline cpu2 below cpu3 is exported as zero, like node_exporter")
        .hasValue(0.0);
    assertThat(Exposition.value(out, "node_cpu_guest_seconds_total", "cpu", "0", "mode", "nice"))
        .hasValue(0.1);
    assertThat(Exposition.value(out, "node_cpu_isolated", "cpu", "3")).hasValue(1.0);
    assertThat(Exposition.value(out, "node_cpu_isolated", "cpu", "1")).isEmpty();
    assertThat(Exposition.value(out, "node_cpu_core_throttles_total", "package", "1", "core", "0"))
        .hasValue(3.0);
    assertThat(Exposition.value(out, "node_cpu_package_throttles_total", "package", "0"))
        .hasValue(40.0);
  }

  @Test
  void infoFlagsAndBugs() throws Exception {
    var ctx =
        TestContext.forPlugin("cpu")
            .withConfig(
                """
                info-flags-include = "^(avx512f|sse4_2|hypervisor)$"
                info-bugs-include = "spectre"
                """);
    MetricSnapshots out = CollectorRun.once(CpuCollector::new, ctx);
    Golden.assertMatches(out, "cpu-info.prom");
    assertThat(
            Exposition.value(
                out,
                "node_cpu_info",
                "cpu",
                "1",
                "core",
                "1",
                "model_name",
                "AMD EPYC",
                "cachesize",
                "1024 KB",
                "microcode",
                ""))
        .hasValue(1.0);
  }

  @Test
  void guestOff() throws Exception {
    MetricSnapshots out =
        CollectorRun.once(
            CpuCollector::new, TestContext.forPlugin("cpu").withConfig("guest = false"));
    assertThat(Exposition.value(out, "node_cpu_guest_seconds_total")).isEmpty();
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "0", "mode", "idle"))
        .hasValue(4368.44);
  }

  @Test
  void usageRatiosBetweenTwoSnapshots() throws Exception {
    // cpu0: user +60 (guest +40 inside it), nice +10 (guest_nice +10), system +20, idle +80,
    // iowait +20, irq +4, softirq +4, steal +2: 200 ticks, 100 busy. cpu1: user +30, idle +170.
    Path t0 =
        tree(
            "t0",
            """
            cpu  3000 100 1500 15000 200 10 20 30 400 50
            cpu0 1000 100 500 8000 200 10 20 30 400 50
            cpu1 2000 0 1000 7000 0 0 0 0 0 0
            """);
    Path t1 =
        tree(
            "t1",
            """
            cpu  3090 110 1520 15250 220 14 24 32 440 60
            cpu0 1060 110 520 8080 220 14 24 32 440 60
            cpu1 2030 0 1000 7170 0 0 0 0 0 0
            """);
    Path current = tmp.resolve("current");
    Files.createSymbolicLink(current, t0);
    CpuCollector c =
        new CpuCollector(TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(current)));

    MetricSnapshots first = c.collect();
    assertThat(Exposition.value(first, "host_cpu_usage_ratio")).as("first cycle").isEmpty();
    assertThat(Exposition.value(first, "host_cpu_core_usage_ratio")).as("first cycle").isEmpty();

    switchTo(current, t1);
    MetricSnapshots second = c.collect();
    assertThat(Exposition.value(second, "host_cpu_core_usage_ratio", "cpu", "0"))
        .as("guest not counted twice: 100/200, not 150/250")
        .hasValue(0.5);
    assertThat(Exposition.value(second, "host_cpu_core_usage_ratio", "cpu", "1")).hasValue(0.15);
    assertThat(Exposition.value(second, "host_cpu_usage_ratio")).as("130/400").hasValue(0.325);

    MetricSnapshots unchanged = c.collect();
    assertThat(Exposition.value(unchanged, "host_cpu_usage_ratio")).as("no time passed").isEmpty();
    assertThat(Exposition.value(unchanged, "host_cpu_core_usage_ratio")).isEmpty();
  }

  @Test
  void usageRatiosCanBeSwitchedOff() throws Exception {
    Path t0 = tree("t0", "cpu0 100 0 0 100 0 0 0 0 0 0\n");
    Path t1 = tree("t1", "cpu0 150 0 0 150 0 0 0 0 0 0\n");
    Path current = tmp.resolve("current");
    Files.createSymbolicLink(current, t0);
    CpuCollector c =
        new CpuCollector(
            TestContext.forPlugin("cpu")
                .withHostPaths(HostPaths.under(current))
                .withConfig("extra-metrics = false"));
    c.collect();
    switchTo(current, t1);
    MetricSnapshots out = c.collect();
    assertThat(Exposition.value(out, "host_cpu_core_usage_ratio")).isEmpty();
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "0", "mode", "user"))
        .hasValue(1.5);
  }

  @Test
  void exposedCountersNeverGoBackwards() throws Exception {
    Path t0 = tree("t0", "cpu0 100 0 0 5000 300 0 0 0 0 0\n");
    Path t1 = tree("t1", "cpu0 110 0 0 5100 200 0 0 0 0 0\n");
    Path current = tmp.resolve("current");
    Files.createSymbolicLink(current, t0);
    CpuCollector c =
        new CpuCollector(TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(current)));
    c.collect();
    switchTo(current, t1);
    MetricSnapshots out = c.collect();
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "0", "mode", "iowait"))
        .as("iowait went back from 3.0 s to 2.0 s: keep 3.0")
        .hasValue(3.0);
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "0", "mode", "user"))
        .hasValue(1.1);
    assertThat(Exposition.value(out, "host_cpu_core_usage_ratio", "cpu", "0"))
        .as("10 of 110 ticks")
        .hasValue(10.0 / 110);
  }

  @Test
  void counterGuardHotplugAndCpuCountChange() {
    var guard = new CpuCounterGuard();
    guard.apply(List.of(ProcStat.CpuTicks.of(100, 0, 0, 5000, 300)));
    assertThat(guard.apply(List.of(ProcStat.CpuTicks.of(100, 0, 0, 4701, 200))).get(0))
        .as("idle fell by 2.99 s: still guarded")
        .containsExactly(100, 0, 0, 5000, 300, 0, 0, 0, 0, 0);
    assertThat(guard.apply(List.of(ProcStat.CpuTicks.of(10, 0, 0, 4700, 10))).get(0))
        .as("idle fell by 3 s: hot-plug, new history")
        .containsExactly(10, 0, 0, 4700, 10, 0, 0, 0, 0, 0);
    var two =
        guard.apply(List.of(ProcStat.CpuTicks.of(1, 0, 0, 1), ProcStat.CpuTicks.of(2, 0, 0, 2)));
    assertThat(two.get(0))
        .as("CPU count changed: start over")
        .containsExactly(1, 0, 0, 1, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void aHostWithoutTheFilesGivesNothing() throws Exception {
    var ctx =
        TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(tmp)).withConfig("info = true");
    assertThat(CollectorRun.once(CpuCollector::new, ctx)).isEmpty();
  }

  @Test
  void malformedStatFails() throws Exception {
    Path t = tree("bad", "cpu0 1 2 three 4 5 6 7 8 9 10\n");
    CpuCollector c =
        new CpuCollector(TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(t)));
    assertThatThrownBy(c::collect)
        .hasMessage("/proc/stat line 2: bad value \"three\" in \"cpu0 1 2 three 4 5 6 7 8 9 10\"");
  }

  private Path tree(String name, String stat) throws Exception {
    Path root = tmp.resolve(name);
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("proc/stat"), completeStat(stat));
    return root;
  }

  /** {@code cpuLines} made a complete /proc/stat: aggregate cpu line if missing, the others. */
  private static String completeStat(String cpuLines) {
    return (cpuLines.startsWith("cpu ") ? "" : "cpu  0 0 0 0 0 0 0 0 0 0\n")
        + cpuLines
        + "intr 0\nctxt 0\nbtime 0\nprocesses 1\nprocs_running 1\nprocs_blocked 0\nsoftirq 0 0\n";
  }

  private static void switchTo(Path link, Path target) throws Exception {
    Files.delete(link);
    Files.createSymbolicLink(link, target);
  }
}
