package io.agentcollector.plugin.mem;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcBuddyinfo;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's buddyinfo collector (off by default, as there): {@code
 * node_buddyinfo_blocks{node,zone,size}}, the free blocks of each order ({@code size}) per NUMA
 * node and zone, from {@code /proc/buddyinfo}. Golden file (build machine capture): {@code
 * src/test/golden/buddyinfo.prom}.
 */
@Extension
@CollectorInfo(name = "buddyinfo", enabledByDefault = false, nodeExporter = true)
public final class BuddyinfoCollector implements Collector {

  /** {@code size} label values: order numbers, made once. */
  private static final String[] ORDERS = new String[16];

  static {
    for (int i = 0; i < ORDERS.length; i++) {
      ORDERS[i] = Integer.toString(i);
    }
  }

  private final HostPaths paths;
  private final Logger log;

  public BuddyinfoCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Path file = paths.proc("buddyinfo");
    Optional<String> content = KernelFiles.readIfPresent(file);
    if (content.isEmpty()) {
      log.debug("{} not present", file);
      return f.build();
    }
    MetricFamilies.Family blocks =
        f.gauge("node_buddyinfo_blocks", "Count of free blocks according to size.");
    for (ProcBuddyinfo.Zone z : ProcBuddyinfo.parse(content.get()).zones()) {
      List<Long> counts = z.freeBlocks();
      for (int order = 0; order < counts.size(); order++) {
        String size = order < ORDERS.length ? ORDERS[order] : Integer.toString(order);
        blocks.add(counts.get(order), "node", z.node(), "zone", z.zone(), "size", size);
      }
    }
    return f.build();
  }
}
