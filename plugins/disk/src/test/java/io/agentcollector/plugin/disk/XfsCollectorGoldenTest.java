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

class XfsCollectorGoldenTest {

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(XfsCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /** Hand-written Linux 6.x stats of two filesystems, sda1 and dm-2, and the global sum. */
  @Test
  void twoFilesystems() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
    Golden.assertMatches(out, "xfs.prom");
    assertThat(Exposition.value(out, "node_xfs_read_calls_total", "device", "sda1"))
        .hasValue(94045);
    assertThat(Exposition.value(out, "node_xfs_write_calls_total", "device", "sda1"))
        .hasValue(107739);
    assertThat(
            Exposition.value(
                out, "node_xfs_extent_allocation_blocks_allocated_total", "device", "sda1"))
        .hasValue(97589);
    assertThat(Exposition.value(out, "node_xfs_inode_operation_missed_total", "device", "sda1"))
        .hasValue(39515);
    assertThat(Exposition.value(out, "node_xfs_vnode_active_total", "device", "sda1"))
        .hasValue(4294967295.0);
    assertThat(Exposition.value(out, "node_xfs_vnode_active_total", "device", "dm-2")).hasValue(0);
    assertThat(Exposition.value(out, "node_xfs_read_calls_total", "device", "stats")).isEmpty();
  }

  @Test
  void noXfsIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }
}
