package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetDev;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * node_exporter's netdev collector: {@code node_network_<column>_total{device}} for every
 * /proc/net/dev column, plus {@code receive_nohandler} from sysfs (node_exporter 1.5 reads it
 * through netlink; the value is the same). Golden file: src/test/golden/netdev.prom.
 */
@Extension
@CollectorInfo(name = "netdev", nodeExporter = true)
public final class NetdevCollector implements Collector {

  private final HostPaths paths;
  private final Optional<Pattern> exclude;
  private final Optional<Pattern> include;

  public NetdevCollector(CollectorContext context) {
    PluginConfig c = context.config();
    paths = context.hostPaths();
    exclude = c.getPattern("device-exclude");
    include = c.getPattern("device-include");
    if (exclude.isPresent() && include.isPresent()) {
      throw new InvalidConfigException(
          c.key("device-include"),
          c.getString("device-include"),
          "only one of device-include and device-exclude, as node_exporter");
    }
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    ProcNetDev dev = ProcNetDev.parse("/proc/net/dev", KernelFiles.read(paths.proc("net", "dev")));
    MetricFamilies f = new MetricFamilies();
    for (ProcNetDev.Device d : dev.devices()) {
      if (exclude.isPresent() && exclude.get().matcher(d.name()).find()
          || include.isPresent() && !include.get().matcher(d.name()).find()) {
        continue;
      }
      for (int i = 0; i < dev.columns().size(); i++) {
        counter(f, dev.columns().get(i)).add(d.counter(i), "device", d.name());
      }
      nohandler(d.name())
          .ifPresent(v -> counter(f, "receive_nohandler").add(v, "device", d.name()));
    }
    return f.build();
  }

  private static MetricFamilies.Family counter(MetricFamilies f, String key) {
    return f.counter("node_network_" + key + "_total", "Network device statistic " + key + ".");
  }

  /** /sys/class/net/<dev>/statistics/rx_nohandler, absent on old kernels and odd devices. */
  private Optional<Long> nohandler(String device) {
    try {
      return Optional.of(
          Long.parseLong(
              KernelFiles.read(paths.sys("class", "net", device, "statistics", "rx_nohandler"))
                  .strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
