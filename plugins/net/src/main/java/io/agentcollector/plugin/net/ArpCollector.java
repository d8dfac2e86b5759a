package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetArp;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's arp collector: {@code node_arp_entries{device}}, the entries of {@code
 * /proc/net/arp} per device, filtered by {@code arp.device-include} / {@code arp.device-exclude}
 * (node_exporter's {@code --collector.arp.device-include} / {@code device-exclude}; both may be
 * set, as there). Golden file: src/test/golden/arp.prom.
 */
@Extension
@CollectorInfo(name = "arp", nodeExporter = true)
public final class ArpCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;
  private final Optional<Pattern> include;
  private final Optional<Pattern> exclude;

  public ArpCollector(CollectorContext context) {
    PluginConfig c = context.config();
    paths = context.hostPaths();
    log = context.logger();
    include = c.getPattern("arp.device-include");
    exclude = c.getPattern("arp.device-exclude");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = KernelFiles.readIfPresent(paths.proc("net", "arp"));
    if (content.isEmpty()) {
      log.debug("no /proc/net/arp (no IPv4), skipping");
      return f.build();
    }
    for (Map.Entry<String, Long> e : ProcNetArp.parse(content.get()).entriesByDevice().entrySet()) {
      String device = e.getKey();
      if (exclude.isPresent() && exclude.get().matcher(device).find()
          || include.isPresent() && !include.get().matcher(device).find()) {
        continue;
      }
      f.gauge("node_arp_entries", "ARP entries by device").add(e.getValue(), "device", device);
    }
    return f.build();
  }
}
