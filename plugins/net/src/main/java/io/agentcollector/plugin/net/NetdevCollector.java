package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetDev;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private static final String NOHANDLER = "node_network_receive_nohandler_total";
  private static final String NOHANDLER_HELP = "Network device statistic receive_nohandler.";

  /** Most interfaces whose settings are kept; hosts with containers see veths come and go. */
  private static final int MAX_DEVICES = 4096;

  private final HostPaths paths;
  private final KernelFile file;
  private final Optional<Pattern> exclude;
  private final Optional<Pattern> include;

  /** Each interface seen, with what is kept of it. */
  private final Map<String, Device> devices = new HashMap<>();

  /** The header whose family names and helps {@link #names} and {@link #helps} hold. */
  private List<String> columns;

  private String[] names;
  private String[] helps;

  /** The rx_nohandler value just read. */
  private long nohandler;

  public NetdevCollector(CollectorContext context) {
    PluginConfig c = context.config();
    paths = context.hostPaths();
    file = new KernelFile(paths.proc("net", "dev"));
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
    ProcNetDev dev = ProcNetDev.parse("/proc/net/dev", file.read());
    if (dev.columns() != columns) {
      families(dev.columns());
    }
    if (devices.size() > MAX_DEVICES) {
      devices.clear(); // interfaces that came and went: bounded all the same
    }
    MetricFamilies f = new MetricFamilies();
    for (ProcNetDev.Device d : dev.devices()) {
      Device known = device(d.name());
      if (known.ignored()) {
        continue;
      }
      for (int i = 0; i < names.length; i++) {
        f.counter(names[i], helps[i]).add(d.counter(i), known.labels());
      }
      if (readNohandler(known.nohandler())) {
        f.counter(NOHANDLER, NOHANDLER_HELP).add(nohandler, known.labels());
      }
    }
    return f.build();
  }

  /** The families of the header's columns, made when the header (rarely) changes. */
  private void families(List<String> header) {
    names = new String[header.size()];
    helps = new String[header.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = "node_network_" + header.get(i) + "_total";
      helps[i] = "Network device statistic " + header.get(i) + ".";
    }
    columns = header;
  }

  private Device device(String name) {
    Device d = devices.get(name);
    if (d == null) {
      boolean ignored =
          exclude.isPresent() && exclude.get().matcher(name).find()
              || include.isPresent() && !include.get().matcher(name).find();
      d =
          new Device(
              ignored,
              Labels.of("device", name),
              paths.sys("class", "net", name, "statistics", "rx_nohandler"));
      devices.put(name, d);
    }
    return d;
  }

  /** What is kept of an interface across cycles. */
  private record Device(boolean ignored, Labels labels, Path nohandler) {}

  /**
   * Reads /sys/class/net/<dev>/statistics/rx_nohandler into {@link #nohandler}; false when it is
   * absent (old kernels, odd devices) or no number.
   */
  private boolean readNohandler(Path file) {
    try {
      String s = KernelFiles.read(file);
      int a = 0;
      int b = s.length();
      while (a < b && Character.isWhitespace(s.charAt(a))) {
        a++;
      }
      while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
        b--;
      }
      nohandler = Long.parseLong(s, a, b, 10);
      return true;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  @Override
  public void stop() {
    file.close();
  }
}
