package io.agentcollector.plugin.mem;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcMeminfo;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.OptionalLong;
import org.pf4j.Extension;

/**
 * node_exporter's meminfo collector: one {@code node_memory_<Key>[_bytes]} gauge per /proc/meminfo
 * line, named by node_exporter's rule, so keys of newer kernels appear by themselves; plus
 * host_memory_used_bytes/ratio. Golden file: src/test/golden/meminfo.prom.
 */
@Extension
@CollectorInfo(name = "meminfo", nodeExporter = true)
public final class MeminfoCollector implements Collector {

  private final HostPaths paths;
  private final boolean extraMetrics;

  public MeminfoCollector(CollectorContext context) {
    paths = context.hostPaths();
    extraMetrics = context.config().getBoolean("extra-metrics");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    ProcMeminfo m = ProcMeminfo.parse(KernelFiles.read(paths.proc("meminfo")));
    MetricFamilies f = new MetricFamilies();
    for (ProcMeminfo.Field field : m.fields()) {
      String name = metricName(field);
      f.gauge("node_memory_" + name, "Memory information field " + name + ".").add(field.value());
    }
    OptionalLong total = m.get("MemTotal");
    OptionalLong available = m.get("MemAvailable");
    // MemAvailable exists since Linux 3.14; without it "used" would be a guess.
    if (extraMetrics && total.isPresent() && available.isPresent() && total.getAsLong() > 0) {
      long used = total.getAsLong() - available.getAsLong();
      f.gauge("host_memory_used_bytes", "Memory in use: MemTotal - MemAvailable.").add(used);
      f.gauge("host_memory_used_ratio", "Memory in use as a fraction of MemTotal (0..1).")
          .add((double) used / total.getAsLong());
    }
    return f.build();
  }

  /** node_exporter's rule: Active(anon) -> Active_anon; a line with a unit gets _bytes. */
  static String metricName(ProcMeminfo.Field field) {
    String key = field.key().replace("(", "_").replace(")", "");
    return field.bytes() ? key + "_bytes" : key;
  }
}
