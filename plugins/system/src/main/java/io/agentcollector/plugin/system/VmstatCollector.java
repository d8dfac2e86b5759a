package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcVmstat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's vmstat collector: {@code node_vmstat_<field>} (untyped, as node_exporter) for the
 * {@code /proc/vmstat} fields matching {@code vmstat.fields}. Golden file: {@code
 * src/test/golden/vmstat.prom}.
 */
@Extension
@CollectorInfo(name = "vmstat", nodeExporter = true)
public final class VmstatCollector implements Collector {

  private final HostPaths paths;
  private final Optional<Pattern> fields;
  private final Logger log;

  public VmstatCollector(CollectorContext context) {
    fields = SystemConfig.from(context.config()).vmstatFields();
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = KernelFiles.readIfPresent(paths.proc("vmstat"));
    if (content.isEmpty()) {
      log.debug("no {}", paths.proc("vmstat"));
      return f.build();
    }
    for (Map.Entry<String, Double> e : ProcVmstat.parse(content.get()).fields().entrySet()) {
      if (SystemConfig.matches(fields, e.getKey())) {
        f.untyped("node_vmstat_" + e.getKey(), "Field " + e.getKey() + " of /proc/vmstat.")
            .add(e.getValue());
      }
    }
    return f.build();
  }
}
