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

class BtrfsCollectorGoldenTest {

  private static final String POOL = "0f3a2b1c-5d6e-4f70-8192-a3b4c5d6e7f8";

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        BtrfsCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /** Hand-written /sys/fs/btrfs: a 3-disk raid5/raid1c3 pool and a single-device filesystem. */
  @Test
  void twoFilesystems() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
    Golden.assertMatches(out, "btrfs.prom");
    assertThat(Exposition.value(out, "node_btrfs_info", "uuid", POOL, "label", "pool")).hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_btrfs_size_bytes",
                "uuid",
                POOL,
                "block_group_type",
                "data",
                "mode",
                "raid5"))
        .hasValue(2000.0 * (1L << 30));
    assertThat(
            Exposition.value(
                out,
                "node_btrfs_allocation_ratio",
                "uuid",
                POOL,
                "block_group_type",
                "data",
                "mode",
                "raid5"))
        .hasValue(1.5);
    assertThat(Exposition.value(out, "node_btrfs_device_size_bytes", "uuid", POOL, "device", "sdc"))
        .hasValue(3907029168.0 * 512);
    assertThat(
            Exposition.value(
                out, "node_btrfs_reserved_bytes", "uuid", POOL, "block_group_type", "metadata"))
        .hasValue(49152);
    assertThat(Exposition.text(out)).doesNotContain("features", "device_errors");
  }

  @Test
  void noBtrfsIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }
}
