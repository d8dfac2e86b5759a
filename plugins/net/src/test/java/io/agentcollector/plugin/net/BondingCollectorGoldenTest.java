package io.agentcollector.plugin.net;

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

/**
 * bonding on {@code testdata/fixtures/edge/net-bonding}, hand-made after the bonding driver's sysfs
 * layout (the build VM has no bonding module): bond0 with one of two slaves up through {@code
 * lower_<slave>} links, bond1 with the older {@code slave_<slave>} link, bond2 without slaves.
 */
class BondingCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        BondingCollector::new, TestContext.forPlugin("net").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/net-bonding")), "bonding.prom");
  }

  @Test
  void slavesAndActiveOnes() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/net-bonding"));
    assertThat(Exposition.value(out, "node_bonding_slaves", "master", "bond0")).hasValue(2);
    assertThat(Exposition.value(out, "node_bonding_active", "master", "bond0")).hasValue(1);
    assertThat(Exposition.value(out, "node_bonding_active", "master", "bond1")).hasValue(1);
    assertThat(Exposition.value(out, "node_bonding_slaves", "master", "bond2")).hasValue(0);
  }

  @Test
  void noBondingIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).as("the build VM's /sys/class/net").isZero();
    assertThat(run(HostPaths.under(root)).size()).isZero();
  }
}
