package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorsGoldenTest {

  @TempDir Path host;

  @Test
  void cpu() throws Exception {
    Golden.assertMatches(CollectorRun.once(new CpuCollector(), TestContext.forPlugin("cpu")), "cpu.prom");
  }

  @Test
  void loadavg() throws Exception {
    Golden.assertMatches(CollectorRun.once(new LoadavgCollector(), TestContext.forPlugin("cpu")), "loadavg.prom");
  }

  @Test
  void stat() throws Exception {
    Golden.assertMatches(CollectorRun.once(new StatCollector(), TestContext.forPlugin("cpu")), "stat.prom");
  }

  @Test
  void ticksBecomeSecondsAndGuestCanBeOff() throws Exception {
    write("cpu0 100 5 150 2000 25 3 4 4 5 1\n");
    var ctx = TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(host));
    var out = CollectorRun.once(new CpuCollector(), ctx);
    assertThat(Exposition.value(out, "node_cpu_seconds_total", "cpu", "0", "mode", "idle")).hasValue(20.0);
    assertThat(Exposition.value(out, "node_cpu_guest_seconds_total", "cpu", "0", "mode", "nice")).hasValue(0.01);
    var noGuest = CollectorRun.once(new CpuCollector(), ctx.withConfig("guest = false"));
    assertThat(Exposition.value(noGuest, "node_cpu_guest_seconds_total", "cpu", "0", "mode", "user")).isEmpty();
  }

  @Test
  void usageRatiosBetweenTwoCycles() throws Exception {
    CpuCollector c = new CpuCollector();
    c.start(TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(host)));
    write("cpu0 100 0 100 800 0 0 0 0 0 0\ncpu1 0 0 0 1000 0 0 0 0 0 0\n");
    assertThat(Exposition.value(c.collect(), "host_cpu_usage_ratio")).as("first cycle").isEmpty();
    // cpu0: +75 busy ticks (user 50, system 25) and +25 idle; cpu1: +100 idle.
    write("cpu0 150 0 125 825 0 0 0 0 0 0\ncpu1 0 0 0 1100 0 0 0 0 0 0\n");
    var out = c.collect();
    assertThat(Exposition.value(out, "host_cpu_core_usage_ratio", "cpu", "0")).hasValue(0.75);
    assertThat(Exposition.value(out, "host_cpu_core_usage_ratio", "cpu", "1")).hasValue(0.0);
    assertThat(Exposition.value(out, "host_cpu_usage_ratio")).hasValue(0.375);
  }

  @Test
  void countersNeverGoBackwardsButAHotplugResets() {
    var guard = new CpuCollector.CpuCounterGuard();
    guard.apply(List.of(ticks(100, 5000, 300)));
    double[][] regressed = guard.apply(List.of(ticks(100, 5000, 200)));
    assertThat(regressed[0][4]).as("iowait went back: keep 3.0 s").isEqualTo(3.0);
    double[][] hotplugged = guard.apply(List.of(ticks(10, 100, 10)));
    assertThat(hotplugged[0][3]).as("idle fell by 49 s: new history").isEqualTo(1.0);
  }

  private static ProcStat.CpuTicks ticks(long user, long idle, long iowait) {
    return new ProcStat.CpuTicks(new long[] {user, 0, 0, idle, iowait, 0, 0, 0, 0, 0});
  }

  private void write(String stat) throws Exception {
    Files.createDirectories(host.resolve("proc"));
    Files.writeString(host.resolve("proc/stat"), stat);
  }
}
