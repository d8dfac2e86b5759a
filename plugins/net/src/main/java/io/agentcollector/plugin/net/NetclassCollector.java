package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysfsAttributes;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * node_exporter's netclass collector: the attributes of each {@code /sys/class/net/<iface>}.
 * Attributes the kernel refuses for a device are left out for it. Golden file:
 * src/test/golden/netclass.prom.
 */
@Extension
@CollectorInfo(name = "netclass", nodeExporter = true)
public final class NetclassCollector implements Collector {

  /** attribute file → metric suffix, counter or gauge. */
  private record Property(String file, String suffix, boolean counter) {}

  private static final List<Property> PROPERTIES =
      List.of(
          new Property("addr_assign_type", "address_assign_type", false),
          new Property("carrier", "carrier", false),
          new Property("carrier_changes", "carrier_changes_total", true),
          new Property("carrier_up_count", "carrier_up_changes_total", true),
          new Property("carrier_down_count", "carrier_down_changes_total", true),
          new Property("dev_id", "device_id", false),
          new Property("dormant", "dormant", false),
          new Property("flags", "flags", false),
          new Property("ifindex", "iface_id", false),
          new Property("iflink", "iface_link", false),
          new Property("link_mode", "iface_link_mode", false),
          new Property("mtu", "mtu_bytes", false),
          new Property("name_assign_type", "name_assign_type", false),
          new Property("netdev_group", "net_dev_group", false),
          new Property("tx_queue_len", "transmit_queue_length", false),
          new Property("type", "protocol_type", false));

  private final HostPaths paths;
  private final Optional<Pattern> ignored;

  public NetclassCollector(CollectorContext context) {
    paths = context.hostPaths();
    ignored = context.config().getPattern("netclass-ignored-devices");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    Path root = paths.sys("class", "net");
    MetricFamilies f = new MetricFamilies();
    if (!Files.isDirectory(root)) {
      return f.build();
    }
    List<Path> devices;
    try (Stream<Path> s = Files.list(root)) {
      devices =
          s.filter(Files::isDirectory).sorted().toList(); // skips files such as bonding_masters
    }
    for (Path dir : devices) {
      String device = dir.getFileName().toString();
      if (ignored.isPresent() && ignored.get().matcher(device).find()) {
        continue;
      }
      String operstate = SysfsAttributes.read(dir.resolve("operstate")).orElse("");
      f.gauge("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.")
          .add("up".equals(operstate) ? 1 : 0, "device", device);
      f.info(
              "node_network_info",
              "Non-numeric data from /sys/class/net/<iface>, value is always 1.")
          .addInfo(
              "device", device,
              "address", SysfsAttributes.read(dir.resolve("address")).orElse(""),
              "broadcast", SysfsAttributes.read(dir.resolve("broadcast")).orElse(""),
              "duplex", SysfsAttributes.read(dir.resolve("duplex")).orElse(""),
              "operstate", operstate,
              "ifalias", SysfsAttributes.read(dir.resolve("ifalias")).orElse(""));
      for (Property p : PROPERTIES) {
        SysfsAttributes.number(dir.resolve(p.file()))
            .ifPresent(v -> family(f, p.suffix(), p.counter()).add(v, "device", device));
      }
      // Mbit/s to bytes/s, truncated as node_exporter does; -1 (unknown, e.g. virtio) gives
      // -125000.
      SysfsAttributes.number(dir.resolve("speed"))
          .ifPresent(
              mbit -> family(f, "speed_bytes", false).add(mbit * 1_000_000 / 8, "device", device));
    }
    return f.build();
  }

  private static MetricFamilies.Family family(MetricFamilies f, String suffix, boolean counter) {
    String name = "node_network_" + suffix;
    String help = "Network device property: " + suffix;
    return counter ? f.counter(name, help) : f.gauge(name, help);
  }
}
