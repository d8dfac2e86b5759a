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

class ZfsCollectorGoldenTest {

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(ZfsCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /** Hand-written OpenZFS 0.8-style kstats: module-wide files, pools tank (online), backup. */
  @Test
  void kstatsAndPools() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
    Golden.assertMatches(out, "zfs.prom");
    assertThat(Exposition.value(out, "node_zfs_arc_hits")).hasValue(1961861302);
    assertThat(Exposition.value(out, "node_zfs_arc_c_max")).hasValue(16.0 * (1L << 30));
    assertThat(Exposition.value(out, "node_zfs_arc_memory_available_bytes")).as("int64").isEmpty();
    assertThat(Exposition.value(out, "node_zfs_zfetch_misses")).hasValue(4012390412.0);
    assertThat(Exposition.value(out, "node_zfs_dmu_tx_dmu_tx_assigned")).hasValue(240113398);
    assertThat(Exposition.value(out, "node_zfs_abd_struct_size")).hasValue(40213760);
    assertThat(Exposition.value(out, "node_zfs_vdev_cache_hits")).hasValue(0);
    assertThat(Exposition.value(out, "node_zfs_xuio_onloan_read_buf")).hasValue(0);
    assertThat(Exposition.value(out, "node_zfs_zil_zil_commit_count")).hasValue(1213);
    assertThat(Exposition.value(out, "node_zfs_fm_erpt_dropped")).hasValue(0);
    assertThat(Exposition.value(out, "node_zfs_dbuf_cache_count"))
        .as("dbufstats is not the dbuf_stats node_exporter 1.5.0 reads")
        .isEmpty();
    assertThat(Exposition.value(out, "node_zfs_zpool_nread", "zpool", "tank")).hasValue(1884160000);
    assertThat(
            Exposition.value(
                out, "node_zfs_zpool_dataset_nwritten", "zpool", "tank", "dataset", "tank/home"))
        .hasValue(9123414016.0);
    assertThat(
            Exposition.value(out, "node_zfs_zpool_state", "zpool", "backup", "state", "degraded"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_zfs_zpool_state", "zpool", "backup", "state", "online"))
        .hasValue(0);
    assertThat(Exposition.value(out, "node_zfs_zpool_state", "zpool", "tank", "state", "online"))
        .hasValue(1);
  }

  @Test
  void noZfsIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }
}
