package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassPowercap;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's rapl collector: per RAPL zone of {@code /sys/class/powercap}, the counter {@code
 * node_rapl_<zone>_joules_total{index,path}} ({@code <zone>} the zone's name without its index,
 * sanitized), or with {@code rapl.enable-zone-label} (like {@code
 * --collector.rapl.enable-zone-label}) one family {@code
 * node_rapl_joules_total{index,path,rapl_zone}}. {@code path} is the zone's directory under the
 * configured sysfs root, as node_exporter prints it. No powercap, or energy counters only root may
 * read (Linux 5.10+): empty result. Golden file (hand-made tree {@code edge/system-rapl}): {@code
 * src/test/golden/rapl.prom}.
 */
@Extension
@CollectorInfo(name = "rapl", nodeExporter = true)
public final class RaplCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;
  private final boolean zoneLabel;

  public RaplCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
    zoneLabel = context.config().getBoolean("rapl.enable-zone-label");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysClassPowercap powercap = SysClassPowercap.read(paths.sys("class", "powercap"));
    MetricFamilies f = new MetricFamilies();
    for (SysClassPowercap.Zone z : powercap.zones()) {
      Optional<Long> uj = z.energyMicrojoules();
      if (uj.isEmpty()) {
        // As node_exporter: one unreadable counter (they share their mode) is no data at all.
        log.debug("{}/energy_uj is readable by root only: no RAPL data", z.dir());
        return new MetricFamilies().build();
      }
      double joules = unsigned(uj.get()) / 1_000_000.0;
      String index = Long.toString(z.index());
      String path = z.dir().toString();
      if (zoneLabel) {
        f.counter("node_rapl_joules_total", "Current RAPL value in joules")
            .add(joules, "index", index, "path", path, "rapl_zone", z.name());
      } else {
        f.counter(
                "node_rapl_" + sanitize(z.name()) + "_joules_total",
                "Current RAPL " + z.name() + " value in joules")
            .add(joules, "index", index, "path", path);
      }
    }
    return f.build();
  }

  /**
   * node_exporter's SanitizeMetricName: every run of characters outside [0-9A-Za-z_], with the
   * underscores around it, becomes one underscore.
   */
  static String sanitize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    int i = 0;
    int n = name.length();
    while (i < n) {
      int j = i;
      while (j < n && name.charAt(j) == '_') {
        j++;
      }
      if (j < n && !valid(name.charAt(j))) {
        while (j < n && !valid(name.charAt(j))) {
          j++;
        }
        while (j < n && name.charAt(j) == '_') {
          j++;
        }
        b.append('_');
      } else if (j > i) {
        b.append(name, i, j);
      } else {
        b.append(name.charAt(j));
        j++;
      }
      i = j;
    }
    return b.toString();
  }

  private static boolean valid(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }
}
