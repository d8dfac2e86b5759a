package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcLoadavg;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter 1.5.0's loadavg collector: {@code node_load1}, {@code node_load5}, {@code
 * node_load15} from /proc/loadavg. Golden file: src/test/golden/loadavg.prom.
 */
@Extension
@CollectorInfo(name = "loadavg", nodeExporter = true)
public final class LoadavgCollector implements Collector {

  private final KernelFile file;
  private final Logger log;

  public LoadavgCollector(CollectorContext context) {
    file = new KernelFile(context.hostPaths().proc("loadavg"));
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = file.readIfPresent();
    if (content.isEmpty()) {
      log.debug("{} not present", file.path());
      return f.build();
    }
    ProcLoadavg l = ProcLoadavg.parse(content.get());
    f.gauge("node_load1", "Load average over the last minute.").add(l.load1());
    f.gauge("node_load5", "Load average over the last 5 minutes.").add(l.load5());
    f.gauge("node_load15", "Load average over the last 15 minutes.").add(l.load15());
    return f.build();
  }

  @Override
  public void stop() {
    file.close();
  }
}
