package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysfsAttributes;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
  private record Property(String file, String name, String help, boolean counter) {
    Property(String file, String suffix, boolean counter) {
      this(file, "node_network_" + suffix, "Network device property: " + suffix, counter);
    }
  }

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
          new Property("type", "protocol_type", false),
          // Mbit/s, exposed as bytes/s (see collect)
          new Property("speed", "speed_bytes", false));

  /** Where speed is in {@link #PROPERTIES}: the last. */
  private static final int SPEED = PROPERTIES.size() - 1;

  private final HostPaths paths;
  private final Optional<Pattern> ignored;

  /** Each device of the last listing, with what is kept of it. */
  private final Map<String, NetclassDevice> devices = new HashMap<>();

  public NetclassCollector(CollectorContext context) {
    paths = context.hostPaths();
    ignored = context.config().getPattern("netclass-ignored-devices");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    Path root = paths.sys("class", "net");
    MetricFamilies f = new MetricFamilies();
    if (!Files.isDirectory(root)) {
      stop();
      return f.build();
    }
    Map<String, Object> listed = deviceDirs(root);
    devices
        .entrySet()
        .removeIf(
            e -> {
              if (listed.containsKey(e.getKey())) {
                return false;
              }
              e.getValue().close(); // the device is gone: its files too
              return true;
            });
    for (Map.Entry<String, Object> e : listed.entrySet()) {
      NetclassDevice d = device(root, e.getKey(), e.getValue());
      if (d.ignored()) {
        continue;
      }
      String operstate = SysfsAttributes.read(d.operstate()).orElse("");
      f.gauge("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.")
          .add("up".equals(operstate) ? 1 : 0, d.labels());
      f.info(
              "node_network_info",
              "Non-numeric data from /sys/class/net/<iface>, value is always 1.")
          .add(1, d.info(operstate));
      for (int i = 0; i < PROPERTIES.size(); i++) {
        OptionalLong v = SysfsAttributes.longValue(d.property(i));
        if (v.isPresent()) {
          Property p = PROPERTIES.get(i);
          // Mbit/s to bytes/s, truncated as node_exporter does; -1 (unknown, e.g. virtio) gives
          // -125000.
          long value = i == SPEED ? v.getAsLong() * 1_000_000 / 8 : v.getAsLong();
          (p.counter() ? f.counter(p.name(), p.help()) : f.gauge(p.name(), p.help()))
              .add(value, d.labels());
        }
      }
    }
    return f.build();
  }

  /**
   * The device directories in name order, with what identifies each (its inode: a name can come to
   * mean another device); files such as bonding_masters are skipped.
   */
  private static Map<String, Object> deviceDirs(Path root) throws IOException {
    Map<String, Object> out = new TreeMap<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
      for (Path p : s) {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          if (a.isDirectory()) {
            out.put(p.getFileName().toString(), a.fileKey());
          }
        } catch (IOException e) {
          // gone since the listing, or no directory: skipped
        }
      }
    }
    return out;
  }

  private NetclassDevice device(Path root, String name, Object key) {
    NetclassDevice d = devices.get(name);
    if (d == null || !Objects.equals(d.key(), key)) {
      if (d != null) {
        d.close(); // renamed away, and the name given to another device
      }
      List<String> files = new ArrayList<>(PROPERTIES.size());
      PROPERTIES.forEach(p -> files.add(p.file()));
      d =
          new NetclassDevice(
              root.resolve(name),
              name,
              key,
              ignored.isPresent() && ignored.get().matcher(name).find(),
              files);
      devices.put(name, d);
    }
    return d;
  }

  @Override
  public void stop() {
    devices.values().forEach(NetclassDevice::close);
    devices.clear();
  }
}
