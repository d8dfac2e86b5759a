package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassNetBonding;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.Extension;

/**
 * node_exporter's bonding collector: {@code node_bonding_slaves{master}} and {@code
 * node_bonding_active{master}} (slaves whose MII status is up) from {@code /sys/class/net}. No
 * bonding module: no {@code bonding_masters}, empty result. Golden file (hand-made tree {@code
 * edge/net-bonding}): {@code src/test/golden/bonding.prom}.
 */
@Extension
@CollectorInfo(name = "bonding", nodeExporter = true)
public final class BondingCollector implements Collector {

  private final HostPaths paths;

  public BondingCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysClassNetBonding b = SysClassNetBonding.read(paths.sys("class", "net"));
    MetricFamilies f = new MetricFamilies();
    MetricFamilies.Family slaves =
        f.gauge("node_bonding_slaves", "Number of configured slaves per bonding interface.");
    MetricFamilies.Family active =
        f.gauge("node_bonding_active", "Number of active slaves per bonding interface.");
    b.masters()
        .forEach(
            (master, s) -> {
              slaves.add(s.configured(), "master", master);
              active.add(s.active(), "master", master);
            });
    return f.build();
  }
}
