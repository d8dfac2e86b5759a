package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapestatsCollectorGoldenTest {

  private static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(TapestatsCollector::new, context);
  }

  private static TestContext fixture() {
    return TestContext.forPlugin("disk")
        .withHostPaths(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
  }

  /** Hand-written /sys/class/scsi_tape: st0 busy, st1 idle, st2 without statistics. */
  @Test
  void twoDrives() throws Exception {
    MetricSnapshots out = run(fixture());
    Golden.assertMatches(out, "tapestats.prom");
    assertThat(Exposition.value(out, "node_tape_io_now", "device", "st0")).hasValue(1);
    assertThat(Exposition.value(out, "node_tape_write_time_seconds_total", "device", "st0"))
        .hasValue(5233.85728931);
    assertThat(Exposition.value(out, "node_tape_written_bytes_total", "device", "st0"))
        .hasValue(1496246784000.0);
    assertThat(Exposition.value(out, "node_tape_io_others_total", "device", "st1")).hasValue(2);
    assertThat(Exposition.value(out, "node_tape_io_now", "device", "nst0")).isEmpty();
    assertThat(Exposition.value(out, "node_tape_io_now", "device", "st2")).isEmpty();
  }

  @Test
  void ignoredDevices() throws Exception {
    MetricSnapshots out = run(fixture().withConfig("tapestats.ignored-devices = \"^st0$\""));
    assertThat(Exposition.value(out, "node_tape_io_now", "device", "st0")).isEmpty();
    assertThat(Exposition.value(out, "node_tape_io_now", "device", "st1")).hasValue(0);
  }

  @Test
  void noTapeDriverIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)))).isEmpty();
  }
}
