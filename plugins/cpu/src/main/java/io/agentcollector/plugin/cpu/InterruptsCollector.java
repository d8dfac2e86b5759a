package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcInterrupts;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's interrupts collector (off by default, as there): {@code
 * node_interrupts_total{cpu,type,info,devices}}, the count of each line of {@code /proc/interrupts}
 * per CPU column; {@code type} is the name before the colon, {@code info} and {@code devices} as
 * {@link ProcInterrupts} splits the details, {@code cpu} the column's position (0, 1, …). A name
 * the file repeats keeps its last line, as node_exporter's map does. Golden file:
 * src/test/golden/interrupts.prom.
 */
@Extension
@CollectorInfo(name = "interrupts", enabledByDefault = false, nodeExporter = true)
public final class InterruptsCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;
  private String[] cpuLabels = new String[0];

  public InterruptsCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = KernelFiles.readIfPresent(paths.proc("interrupts"));
    if (content.isEmpty()) {
      log.debug("no /proc/interrupts, skipping");
      return f.build();
    }
    ProcInterrupts parsed = ProcInterrupts.parse(content.get());
    Map<String, ProcInterrupts.Interrupt> byName = new LinkedHashMap<>();
    for (ProcInterrupts.Interrupt i : parsed.interrupts()) {
      byName.put(i.name(), i);
    }
    String[] cpus = cpuLabels(parsed.cpus());
    MetricFamilies.Family total = f.counter("node_interrupts_total", "Interrupt details.");
    for (ProcInterrupts.Interrupt i : byName.values()) {
      for (int c = 0; c < cpus.length; c++) {
        total.add(
            unsigned(i.counts()[c]),
            "cpu",
            cpus[c],
            "type",
            i.name(),
            "info",
            i.info(),
            "devices",
            i.devices());
      }
    }
    return f.build();
  }

  /** The kernel prints the counts unsigned. */
  private static double unsigned(long v) {
    return v >= 0 ? v : v + 0x1p64;
  }

  /** "0", "1", …: made once per CPU count, not per cycle. */
  private String[] cpuLabels(int n) {
    if (cpuLabels.length != n) {
      String[] labels = new String[n];
      for (int i = 0; i < n; i++) {
        labels[i] = Integer.toString(i);
      }
      cpuLabels = labels;
    }
    return cpuLabels;
  }
}
