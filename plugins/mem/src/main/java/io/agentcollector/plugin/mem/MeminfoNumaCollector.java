package io.agentcollector.plugin.mem;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysDevicesSystemNode;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * node_exporter's meminfo_numa collector (off by default, as there): per NUMA node of {@code
 * /sys/devices/system/node}, a gauge {@code node_memory_numa_<Key>{node}} per {@code meminfo} line
 * (in bytes for kB lines, yet without a {@code _bytes} suffix, as node_exporter 1.5.0 names them)
 * and a counter {@code node_memory_numa_<key>_total{node}} per {@code numastat} line. Golden file
 * (build machine capture): {@code src/test/golden/meminfo_numa.prom}.
 */
@Extension
@CollectorInfo(name = "meminfo_numa", enabledByDefault = false, nodeExporter = true)
public final class MeminfoNumaCollector implements Collector {

  private final HostPaths paths;

  /** Key to family name, built once per key: the keys are the same every cycle. */
  private final Map<String, String> gaugeNames = new HashMap<>();

  private final Map<String, String> counterNames = new HashMap<>();

  public MeminfoNumaCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysDevicesSystemNode nodes = SysDevicesSystemNode.read(paths.sys("devices", "system", "node"));
    MetricFamilies f = new MetricFamilies();
    for (SysDevicesSystemNode.Node n : nodes.nodes()) {
      for (SysDevicesSystemNode.MeminfoField m : n.meminfo()) {
        String name = gaugeNames.computeIfAbsent(m.key(), MeminfoNumaCollector::gaugeName);
        f.gauge(name, "Memory information field " + name.substring(17) + ".")
            .add(m.value(), "node", m.node());
      }
      for (SysDevicesSystemNode.Counter c : n.numastat()) {
        String name =
            counterNames.computeIfAbsent(c.key(), k -> "node_memory_numa_" + k + "_total");
        f.counter(name, "Memory information field " + name.substring(17) + ".")
            .add(unsigned(c.value()), "node", n.node());
      }
    }
    return f.build();
  }

  /** node_exporter's rule: Active(anon) -> node_memory_numa_Active_anon. */
  static String gaugeName(String key) {
    return "node_memory_numa_" + key.replace("(", "_").replace(")", "");
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }
}
