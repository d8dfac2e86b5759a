package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcacheCollectorGoldenTest {

  private static final String SET = "deaddd54-c735-46d5-868e-f331c5fd7c74";

  private static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(BcacheCollector::new, context);
  }

  private static TestContext fixture() {
    return TestContext.forPlugin("disk")
        .withHostPaths(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
  }

  /** Hand-written /sys/fs/bcache: a cache set, one backing and one cache device. */
  @Test
  void aCacheSet() throws Exception {
    MetricSnapshots out = run(fixture());
    Golden.assertMatches(out, "bcache.prom");
    assertThat(Exposition.value(out, "node_bcache_btree_cache_size_bytes", "uuid", SET))
        .hasValue(35115008);
    assertThat(
            Exposition.value(out, "node_bcache_btree_read_average_duration_seconds", "uuid", SET))
        .as("1305 µs, scaled as node_exporter 1.5.0 does")
        .hasValue(1305e-9);
    assertThat(
            Exposition.value(
                out, "node_bcache_cache_hits_total", "uuid", SET, "backing_device", "bdev0"))
        .hasValue(6312109);
    assertThat(
            Exposition.value(
                out,
                "node_bcache_writeback_rate_proportional_term",
                "uuid",
                SET,
                "backing_device",
                "bdev0"))
        .hasValue(-3555328);
    assertThat(
            Exposition.value(
                out, "node_bcache_written_bytes_total", "uuid", SET, "cache_device", "cache0"))
        .hasValue(1529008357376.0);
    assertThat(Exposition.text(out)).doesNotContain("priority_stats");
  }

  @Test
  void priorityStatsWhenAskedFor() throws Exception {
    MetricSnapshots out = run(fixture().withConfig("bcache.priority-stats = true"));
    assertThat(
            Exposition.value(
                out,
                "node_bcache_priority_stats_unused_percent",
                "uuid",
                SET,
                "cache_device",
                "cache0"))
        .hasValue(19);
    assertThat(
            Exposition.value(
                out,
                "node_bcache_priority_stats_metadata_percent",
                "uuid",
                SET,
                "cache_device",
                "cache0"))
        .hasValue(3);
  }

  @Test
  void aWrongSwitchNamesTheKey() {
    assertThatThrownBy(() -> run(fixture().withConfig("bcache.priority-stats = sometimes")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("bcache.priority-stats");
  }

  @Test
  void noBcacheIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)))).isEmpty();
  }
}
