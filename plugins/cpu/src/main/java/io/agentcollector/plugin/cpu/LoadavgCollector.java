package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import org.pf4j.Extension;

/** node_exporter's loadavg collector: node_load1/5/15. Golden file: src/test/golden/loadavg.prom. */
@Extension
public final class LoadavgCollector implements Collector {

  private HostPaths paths;

  @Override
  public String name() {
    return "loadavg";
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return true;
  }

  @Override
  public void start(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    ProcLoadavg l = ProcLoadavg.parse(Files.readString(paths.proc("loadavg")));
    MetricFamilies f = new MetricFamilies();
    f.gauge("node_load1", "1m load average.").add(l.load1());
    f.gauge("node_load5", "5m load average.").add(l.load5());
    f.gauge("node_load15", "15m load average.").add(l.load15());
    return f.build();
  }
}
