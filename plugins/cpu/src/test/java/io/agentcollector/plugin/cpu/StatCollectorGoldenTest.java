package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatCollectorGoldenTest {

  @TempDir Path tmp;

  @Test
  void buildMachine() throws Exception {
    var out = CollectorRun.once(StatCollector::new, TestContext.forPlugin("cpu"));
    Golden.assertMatches(out, "stat.prom");
    assertThat(Exposition.value(out, "node_boot_time_seconds")).hasValue(1.795500174e9);
    assertThat(Exposition.value(out, "node_intr_total")).hasValue(3255692);
    assertThat(Exposition.value(out, "node_context_switches_total")).hasValue(7461835);
    assertThat(Exposition.value(out, "node_forks_total")).hasValue(62090);
    assertThat(Exposition.value(out, "node_procs_running")).hasValue(1);
    assertThat(Exposition.value(out, "node_procs_blocked")).hasValue(0);
    assertThat(Exposition.value(out, "node_softirqs_total")).as("off by default").isEmpty();
  }

  @Test
  void softirqsPerVector() throws Exception {
    var ctx = TestContext.forPlugin("cpu").withConfig("stat.softirq = true");
    var out = CollectorRun.once(StatCollector::new, ctx);
    Golden.assertMatches(out, "stat-softirq.prom");
    assertThat(Exposition.value(out, "node_softirqs_total", "vector", "sched")).hasValue(533168);
    assertThat(Exposition.value(out, "node_softirqs_total", "vector", "rcu")).hasValue(496071);
  }

  @Test
  void bareMetalTree() throws Exception {
    var ctx = TestContext.forPlugin("cpu").withHostPaths(Fixtures.hostPaths("edge/cpu-bare-metal"));
    var out = CollectorRun.once(StatCollector::new, ctx);
    assertThat(Exposition.value(out, "node_procs_blocked")).hasValue(1);
    assertThat(Exposition.value(out, "node_boot_time_seconds")).hasValue(1.7e9);
  }

  @Test
  void softirqVectorsTheKernelDoesNotWriteAreLeftOut() throws Exception {
    Files.createDirectories(tmp.resolve("proc"));
    Files.writeString(
        tmp.resolve("proc/stat"),
        """
        cpu  1 2 3 4 5 6 7 8 9 10
        cpu0 1 2 3 4 5 6 7 8 9 10
        intr 0
        ctxt 42
        btime 0
        processes 1
        procs_running 1
        procs_blocked 0
        softirq 3 1 2
        """);
    var ctx =
        TestContext.forPlugin("cpu")
            .withHostPaths(HostPaths.under(tmp))
            .withConfig("stat.softirq = true");
    var out = CollectorRun.once(StatCollector::new, ctx);
    assertThat(Exposition.value(out, "node_context_switches_total")).hasValue(42);
    assertThat(Exposition.value(out, "node_softirqs_total", "vector", "timer")).hasValue(2);
    assertThat(Exposition.value(out, "node_softirqs_total", "vector", "net_tx")).isEmpty();
  }

  @Test
  void aHostWithoutTheFileGivesNothing() throws Exception {
    var ctx = TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(tmp.resolve("none")));
    assertThat(CollectorRun.once(StatCollector::new, ctx)).isEmpty();
  }
}
