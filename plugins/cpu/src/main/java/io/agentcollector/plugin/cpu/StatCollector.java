package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.util.OptionalLong;
import org.pf4j.Extension;

/**
 * node_exporter's stat collector: boot time, context switches, interrupts, forks, running and
 * blocked processes from /proc/stat. Golden file: src/test/golden/stat.prom.
 */
@Extension
public final class StatCollector implements Collector {

  private HostPaths paths;

  @Override
  public String name() {
    return "stat";
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
    ProcStat s = ProcStat.parse(Files.readString(paths.proc("stat")));
    MetricFamilies f = new MetricFamilies();
    add(s.interrupts(), f.counter("node_intr_total", "Total number of interrupts serviced."));
    add(s.contextSwitches(), f.counter("node_context_switches_total", "Total number of context switches."));
    add(s.forks(), f.counter("node_forks_total", "Total number of forks."));
    add(s.bootTime(), f.gauge("node_boot_time_seconds", "Node boot time, in unixtime."));
    add(s.procsRunning(), f.gauge("node_procs_running", "Number of processes in runnable state."));
    add(s.procsBlocked(), f.gauge("node_procs_blocked", "Number of processes blocked waiting for I/O to complete."));
    return f.build();
  }

  private static void add(OptionalLong v, MetricFamilies.Family family) {
    v.ifPresent(family::add);
  }
}
