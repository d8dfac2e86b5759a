package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetSoftnetStat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter 1.5.0's softnet collector: {@code node_softnet_processed_total}, {@code
 * node_softnet_dropped_total} and {@code node_softnet_times_squeezed_total}, labelled {@code cpu}
 * with the line's position in {@code /proc/net/softnet_stat} (0, 1, …; node_exporter 1.5.0 numbers
 * the lines, so with CPUs offline the label is not the CPU's number). Golden file:
 * src/test/golden/softnet.prom.
 */
@Extension
@CollectorInfo(name = "softnet", nodeExporter = true)
public final class SoftnetCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;
  private String[] cpuLabels = new String[0];

  public SoftnetCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = KernelFiles.readIfPresent(paths.proc("net", "softnet_stat"));
    if (content.isEmpty()) {
      log.debug("no /proc/net/softnet_stat, skipping");
      return f.build();
    }
    List<ProcNetSoftnetStat.Cpu> cpus = ProcNetSoftnetStat.parse(content.get()).cpus();
    for (int i = 0; i < cpus.size(); i++) {
      ProcNetSoftnetStat.Cpu c = cpus.get(i);
      String cpu = cpuLabel(i);
      f.counter("node_softnet_processed_total", "Number of processed packets")
          .add(c.processed(), "cpu", cpu);
      f.counter("node_softnet_dropped_total", "Number of dropped packets")
          .add(c.dropped(), "cpu", cpu);
      f.counter(
              "node_softnet_times_squeezed_total",
              "Number of times processing packets ran out of quota")
          .add(c.timeSqueezed(), "cpu", cpu);
    }
    return f.build();
  }

  /** "0", "1", …: made once per CPU, not per cycle. */
  private String cpuLabel(int i) {
    if (i >= cpuLabels.length) {
      String[] more = java.util.Arrays.copyOf(cpuLabels, i + 1);
      for (int k = cpuLabels.length; k <= i; k++) {
        more[k] = Integer.toString(k);
      }
      cpuLabels = more;
    }
    return cpuLabels[i];
  }
}
