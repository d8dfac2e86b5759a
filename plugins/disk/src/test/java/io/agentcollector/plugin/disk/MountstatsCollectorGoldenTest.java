package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;

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

class MountstatsCollectorGoldenTest {

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        MountstatsCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /**
   * Hand-written /proc/self/mountstats and mountinfo: NFSv4.2 over TCP mounted twice (one series
   * set), NFSv3 over UDP, local mounts.
   */
  @Test
  void nfsMounts() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
    Golden.assertMatches(out, "mountstats.prom");
    String[] v4 = {"export", "10.0.0.5:/srv/export", "protocol", "tcp", "mountaddr", "10.0.0.5"};
    String[] v3 = {"export", "10.0.0.6:/archive", "protocol", "udp", "mountaddr", "10.0.0.6"};
    assertThat(Exposition.value(out, "node_mountstats_nfs_age_seconds_total", v4)).hasValue(86400);
    assertThat(Exposition.value(out, "node_mountstats_nfs_total_read_bytes_total", v4))
        .hasValue(1073745920);
    assertThat(Exposition.value(out, "node_mountstats_nfs_transport_sends_total", v4))
        .hasValue(184213);
    assertThat(Exposition.value(out, "node_mountstats_nfs_transport_maximum_rpc_slots", v4))
        .hasValue(64);
    assertThat(Exposition.value(out, "node_mountstats_nfs_transport_idle_time_seconds", v4))
        .hasValue(3);
    assertThat(Exposition.value(out, "node_mountstats_nfs_transport_connect_total", v3))
        .hasValue(0);
    assertThat(Exposition.value(out, "node_mountstats_nfs_transport_sends_total", v3))
        .hasValue(2048);
    assertThat(
            Exposition.value(
                out,
                "node_mountstats_nfs_operations_response_time_seconds_total",
                "export",
                "10.0.0.5:/srv/export",
                "operation",
                "READ"))
        .hasValue(91.023);
    assertThat(Exposition.value(out, "node_mountstats_nfs_event_vfs_getdents_total", v4))
        .hasValue(55);
    assertThat(Exposition.value(out, "node_mountstats_nfs_event_truncation_total", v4)).hasValue(3);
    assertThat(Exposition.text(out)).doesNotContain("/srv/bind", "/dev/vda1", "congestion");
  }

  @Test
  void noNfsMountIsNoDataAndReadsNoMountinfo(@TempDir Path host) throws Exception {
    Files.createDirectories(host.resolve("proc/self"));
    Files.writeString(
        host.resolve("proc/self/mountstats"), "device proc mounted on /proc with fstype proc\n");
    // A mountinfo that would fail the cycle if it were read.
    Files.writeString(host.resolve("proc/self/mountinfo"), "garbage\n");
    assertThat(run(HostPaths.under(host))).isEmpty();
  }

  @Test
  void noMountstatsIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }
}
