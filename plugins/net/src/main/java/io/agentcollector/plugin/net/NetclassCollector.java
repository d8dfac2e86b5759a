package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysfsAttributes;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

  /** Most devices whose paths and labels are kept; hosts with containers see veths come and go. */
  private static final int MAX_DEVICES = 4096;

  private final HostPaths paths;
  private final Optional<Pattern> ignored;

  /** Each device seen, with what is kept of it. */
  private final Map<String, Device> devices = new HashMap<>();

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
    if (devices.size() > MAX_DEVICES) {
      devices.clear(); // devices that came and went: bounded all the same
    }
    for (String name : deviceNames(root)) {
      Device d = device(root, name);
      if (d.ignored) {
        continue;
      }
      String operstate = SysfsAttributes.read(d.operstate).orElse("");
      f.gauge("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.")
          .add("up".equals(operstate) ? 1 : 0, d.labels);
      f.info(
              "node_network_info",
              "Non-numeric data from /sys/class/net/<iface>, value is always 1.")
          .add(1, d.info(operstate));
      for (int i = 0; i < PROPERTIES.size(); i++) {
        OptionalLong v = SysfsAttributes.longValue(d.properties[i]);
        if (v.isPresent()) {
          Property p = PROPERTIES.get(i);
          // Mbit/s to bytes/s, truncated as node_exporter does; -1 (unknown, e.g. virtio) gives
          // -125000.
          long value = i == SPEED ? v.getAsLong() * 1_000_000 / 8 : v.getAsLong();
          (p.counter() ? f.counter(p.name(), p.help()) : f.gauge(p.name(), p.help()))
              .add(value, d.labels);
        }
      }
    }
    return f.build();
  }

  /** The device directories, in name order; files such as bonding_masters are skipped. */
  private static List<String> deviceNames(Path root) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
      for (Path p : s) {
        if (Files.isDirectory(p)) {
          names.add(p.getFileName().toString());
        }
      }
    }
    names.sort(null);
    return names;
  }

  private Device device(Path root, String name) {
    Device d = devices.get(name);
    if (d == null) {
      d =
          new Device(
              root.resolve(name), name, ignored.isPresent() && ignored.get().matcher(name).find());
      devices.put(name, d);
    }
    return d;
  }

  /** What is kept of a device across cycles: its files' paths and its label sets. */
  private static final class Device {
    private final String name;
    private final boolean ignored;
    private final Labels labels;
    private final Path operstate;
    private final Path[] info;
    private final Path[] properties = new Path[PROPERTIES.size()];

    /** node_network_info's values (address, broadcast, duplex, operstate, ifalias) and labels. */
    private final String[] infoValues = new String[INFO.length];

    private Labels infoLabels;

    Device(Path dir, String name, boolean ignored) {
      this.name = name;
      this.ignored = ignored;
      labels = Labels.of("device", name);
      operstate = dir.resolve("operstate");
      info = new Path[INFO.length];
      for (int i = 0; i < INFO.length; i++) {
        info[i] = INFO[i].equals("operstate") ? operstate : dir.resolve(INFO[i]);
      }
      for (int i = 0; i < properties.length; i++) {
        properties[i] = dir.resolve(PROPERTIES.get(i).file());
      }
    }

    /** node_network_info's labels, made again only when a value changed. */
    Labels info(String operstateValue) {
      boolean same = infoLabels != null;
      for (int i = 0; i < INFO.length; i++) {
        String v =
            INFO[i].equals("operstate") ? operstateValue : SysfsAttributes.read(info[i]).orElse("");
        same &= v.equals(infoValues[i]);
        infoValues[i] = v;
      }
      if (!same) {
        infoLabels =
            Labels.of(
                "device", name,
                "address", infoValues[0],
                "broadcast", infoValues[1],
                "duplex", infoValues[2],
                "operstate", infoValues[3],
                "ifalias", infoValues[4]);
      }
      return infoLabels;
    }
  }

  /** The files of node_network_info's labels, in label order. */
  private static final String[] INFO = {"address", "broadcast", "duplex", "operstate", "ifalias"};
}
