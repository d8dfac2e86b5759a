package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.SysctlNumber;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's processes collector (off by default, as there), from {@code /proc/<pid>/stat} of
 * every process and {@code task/<tid>/stat} of their threads ({@link ProcessTable}): {@code
 * node_processes_pids}, {@code node_processes_threads} (the sum of the processes' thread counts),
 * {@code node_processes_state{state}} and {@code node_processes_threads_state{thread_state}} (per
 * state letter: R, S, D, I, Z, …; only letters seen), and the limits {@code
 * node_processes_max_processes} ({@code /proc/sys/kernel/pid_max}) and {@code
 * node_processes_max_threads} ({@code threads-max}). Without the limit files (no procfs there) it
 * returns nothing. Golden file: src/test/golden/processes.prom.
 */
@Extension
@CollectorInfo(name = "processes", enabledByDefault = false, nodeExporter = true)
public final class ProcessesCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;
  private final ProcessTable table;

  public ProcessesCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
    table = new ProcessTable(paths.proc());
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<Double> maxThreads = sysctl("threads-max");
    Optional<Double> maxPids = sysctl("pid_max");
    if (maxThreads.isEmpty() || maxPids.isEmpty()) {
      log.debug("no {}/sys/kernel/threads-max or pid_max, skipping", paths.proc());
      return f.build();
    }
    table.scan();
    f.gauge("node_processes_threads", "Allocated threads in system").add(table.threads);
    f.gauge("node_processes_max_threads", "Limit of threads in the system").add(maxThreads.get());
    states(
        f.gauge("node_processes_state", "Number of processes in each state."),
        "state",
        table.processStates);
    states(
        f.gauge("node_processes_threads_state", "Number of threads in each state."),
        "thread_state",
        table.threadStates);
    f.gauge("node_processes_pids", "Number of PIDs").add(table.processes);
    f.gauge("node_processes_max_processes", "Number of max PIDs limit").add(maxPids.get());
    return f.build();
  }

  private static void states(MetricFamilies.Family family, String label, long[] counts) {
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        family.add(counts[c], label, String.valueOf((char) c));
      }
    }
  }

  private Optional<Double> sysctl(String name) throws Exception {
    Path file = paths.proc("sys", "kernel", name);
    return KernelFiles.readIfPresent(file)
        .map(c -> SysctlNumber.parse("/proc/sys/kernel/" + name, c));
  }
}
