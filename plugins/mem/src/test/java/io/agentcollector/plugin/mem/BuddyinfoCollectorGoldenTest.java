package io.agentcollector.plugin.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** buddyinfo on the build machine's /proc/buddyinfo (one node, zones DMA, DMA32, Normal). */
class BuddyinfoCollectorGoldenTest {

  static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(BuddyinfoCollector::new, context);
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(TestContext.forPlugin("mem")), "buddyinfo.prom");
  }

  @Test
  void oneSeriesPerNodeZoneAndOrder() throws Exception {
    MetricSnapshots out = run(TestContext.forPlugin("mem"));
    assertThat(
            Exposition.value(
                out, "node_buddyinfo_blocks", "node", "0", "zone", "Normal", "size", "10"))
        .hasValue(1510);
    assertThat(
            Exposition.value(out, "node_buddyinfo_blocks", "node", "0", "zone", "DMA", "size", "8"))
        .hasValue(1);
    assertThat(out.get(0).getDataPoints()).hasSize(33);
  }

  @Test
  void offByDefaultAsInNodeExporter() {
    CollectorInfo info = BuddyinfoCollector.class.getAnnotation(CollectorInfo.class);
    assertThat(info.enabledByDefault()).isFalse();
    assertThat(info.nodeExporter()).isTrue();
  }

  @Test
  void noFileIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(TestContext.forPlugin("mem").withHostPaths(HostPaths.under(root))).size())
        .isZero();
  }
}
