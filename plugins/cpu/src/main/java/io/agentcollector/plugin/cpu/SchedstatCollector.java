package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcSchedstat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's schedstat collector: {@code node_schedstat_running_seconds_total}, {@code
 * node_schedstat_waiting_seconds_total} and {@code node_schedstat_timeslices_total} per {@code cpu}
 * from {@code /proc/schedstat}. Kernels without {@code CONFIG_SCHEDSTATS} have no such file: empty
 * result. Golden file (hand-made file {@code edge/cpu-schedstat}): {@code
 * src/test/golden/schedstat.prom}.
 */
@Extension
@CollectorInfo(name = "schedstat", nodeExporter = true)
public final class SchedstatCollector implements Collector {

  private static final double NANOSECONDS_PER_SECOND = 1e9;

  private final HostPaths paths;
  private final Logger log;

  public SchedstatCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Path file = paths.proc("schedstat");
    Optional<String> content = KernelFiles.readIfPresent(file);
    if (content.isEmpty()) {
      log.debug("{} not present", file);
      return f.build();
    }
    MetricFamilies.Family running =
        f.counter(
            "node_schedstat_running_seconds_total",
            "Number of seconds CPU spent running a process.");
    MetricFamilies.Family waiting =
        f.counter(
            "node_schedstat_waiting_seconds_total",
            "Number of seconds spent by processing waiting for this CPU.");
    MetricFamilies.Family slices =
        f.counter("node_schedstat_timeslices_total", "Number of timeslices executed by CPU.");
    for (ProcSchedstat.Cpu c : ProcSchedstat.parse(content.get()).cpus()) {
      running.add(unsigned(c.runningNanoseconds()) / NANOSECONDS_PER_SECOND, "cpu", c.cpu());
      waiting.add(unsigned(c.waitingNanoseconds()) / NANOSECONDS_PER_SECOND, "cpu", c.cpu());
      slices.add(unsigned(c.timeslices()), "cpu", c.cpu());
    }
    return f.build();
  }

  /** A u64 the parser wrapped into a long, as a double. */
  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }
}
