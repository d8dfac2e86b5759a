package io.agentcollector.plugin.mem;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcMeminfo;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * node_exporter's meminfo collector: one {@code node_memory_<Key>[_bytes]} gauge per /proc/meminfo
 * line, named by node_exporter's rule, so keys of newer kernels appear by themselves; plus
 * host_memory_used_bytes/ratio. Golden file: src/test/golden/meminfo.prom.
 */
@Extension
@CollectorInfo(name = "meminfo", nodeExporter = true)
public final class MeminfoCollector implements Collector {

  /** Most keys whose families are kept; a kernel writes about 60. */
  private static final int MAX_KEYS = 4096;

  private final KernelFile file;
  private final boolean extraMetrics;

  /** Key to its family, made once: node_exporter's name, for a line without and with a unit. */
  private final Map<String, Family[]> families = new HashMap<>();

  private record Family(String name, String help) {}

  /** This cycle's MemTotal and MemAvailable: the first line of each, if any. */
  private long total;

  private long available;
  private boolean hasTotal;
  private boolean hasAvailable;

  public MeminfoCollector(CollectorContext context) {
    file = new KernelFile(context.hostPaths().proc("meminfo"));
    extraMetrics = context.config().getBoolean("extra-metrics");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    String content = file.read();
    MetricFamilies f = new MetricFamilies();
    hasTotal = false;
    hasAvailable = false;
    if (families.size() > MAX_KEYS) {
      families.clear(); // keys a kernel does not write: bounded all the same
    }
    ProcMeminfo.parse(
        content,
        (key, value, bytes) -> {
          Family family = family(key, bytes);
          f.gauge(family.name(), family.help()).add(value);
          if (!hasTotal && key.equals("MemTotal")) {
            total = value;
            hasTotal = true;
          } else if (!hasAvailable && key.equals("MemAvailable")) {
            available = value;
            hasAvailable = true;
          }
        });
    // MemAvailable exists since Linux 3.14; without it "used" would be a guess.
    if (extraMetrics && hasTotal && hasAvailable && total > 0) {
      long used = total - available;
      f.gauge("host_memory_used_bytes", "Memory in use: MemTotal - MemAvailable.").add(used);
      f.gauge("host_memory_used_ratio", "Memory in use as a fraction of MemTotal (0..1).")
          .add((double) used / total);
    }
    return f.build();
  }

  private Family family(String key, boolean bytes) {
    Family[] known = families.get(key);
    if (known == null) {
      known = new Family[2];
      families.put(key, known);
    }
    int i = bytes ? 1 : 0;
    if (known[i] == null) {
      String name = metricName(new ProcMeminfo.Field(key, 0, bytes));
      known[i] = new Family("node_memory_" + name, "Memory information field " + name + ".");
    }
    return known[i];
  }

  /** node_exporter's rule: Active(anon) -> Active_anon; a line with a unit gets _bytes. */
  static String metricName(ProcMeminfo.Field field) {
    String key = field.key().replace("(", "_").replace(")", "");
    return field.bytes() ? key + "_bytes" : key;
  }

  @Override
  public void stop() {
    file.close();
  }
}
