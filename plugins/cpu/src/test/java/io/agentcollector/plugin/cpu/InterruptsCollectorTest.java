package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
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

class InterruptsCollectorTest {

  @TempDir Path root;

  @Test
  void golden() throws Exception {
    Collector c = new InterruptsCollector(TestContext.forPlugin("cpu"));
    assertThat(c.name()).isEqualTo("interrupts");
    assertThat(c.enabledByDefault()).as("off in node_exporter 1.5.0").isFalse();
    assertThat(c.mirrorsNodeExporter()).isTrue();
    Golden.assertMatches(
        CollectorRun.once(InterruptsCollector::new, TestContext.forPlugin("cpu")),
        "interrupts.prom");
  }

  @Test
  void realValuesPerCpuColumn() throws Exception {
    MetricSnapshots out = CollectorRun.once(InterruptsCollector::new, TestContext.forPlugin("cpu"));
    assertThat(
            Exposition.value(
                out,
                "node_interrupts_total",
                "cpu",
                "1",
                "type",
                "26",
                "info",
                "IO-APIC",
                "devices",
                "4-edge ttyS0"))
        .hasValue(17);
    assertThat(
            Exposition.value(
                out, "node_interrupts_total", "cpu", "0", "type", "LOC", "devices", ""))
        .hasValue(8226350);
    assertThat(Exposition.value(out, "node_interrupts_total", "type", "ERR")).isEmpty();
  }

  @Test
  void aRepeatedNameKeepsItsLastLine() throws Exception {
    write("CPU0\n 5: 1 XT-PIC first\n 5: 2 XT-PIC second\n");
    MetricSnapshots out = run();
    assertThat(Exposition.value(out, "node_interrupts_total", "type", "5", "devices", "second"))
        .hasValue(2);
    assertThat(Exposition.value(out, "node_interrupts_total", "type", "5", "devices", "first"))
        .isEmpty();
  }

  @Test
  void nothingWithoutTheFile() throws Exception {
    assertThat(run().size()).isZero();
  }

  private MetricSnapshots run() throws Exception {
    return CollectorRun.once(
        InterruptsCollector::new,
        TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(root)));
  }

  private void write(String content) throws Exception {
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("proc/interrupts"), content);
  }
}
