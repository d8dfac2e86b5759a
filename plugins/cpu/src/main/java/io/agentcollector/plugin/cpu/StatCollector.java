package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcStat;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter 1.5.0's stat collector, from /proc/stat: {@code node_boot_time_seconds}, {@code
 * node_context_switches_total}, {@code node_forks_total}, {@code node_intr_total}, {@code
 * node_procs_blocked}, {@code node_procs_running} and, with {@code stat.softirq}, {@code
 * node_softirqs_total{vector}}. A line the kernel does not write leaves its family out
 * (node_exporter would print 0; every kernel since 2.6 writes them all). Golden files:
 * src/test/golden/stat.prom, stat-softirq.prom.
 */
@Extension
@CollectorInfo(name = "stat", nodeExporter = true)
public final class StatCollector implements Collector {

  /** The softirq line's vectors in kernel order (include/linux/interrupt.h, softirq_to_name). */
  private static final List<String> VECTORS =
      List.of(
          "hi",
          "timer",
          "net_tx",
          "net_rx",
          "block",
          "block_iopoll",
          "tasklet",
          "sched",
          "hrtimer",
          "rcu");

  private final KernelFile file;
  private final Logger log;
  private final boolean softirq;

  /** The softirq family's label sets, one per vector: made once. */
  private static final List<Labels> VECTOR_LABELS;

  static {
    List<Labels> l = new ArrayList<>();
    VECTORS.forEach(v -> l.add(Labels.of("vector", v)));
    VECTOR_LABELS = List.copyOf(l);
  }

  public StatCollector(CollectorContext context) {
    file = new KernelFile(context.hostPaths().proc("stat"));
    log = context.logger();
    softirq = CpuConfig.from(context.config()).statSoftirq();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = file.readIfPresent();
    if (content.isEmpty()) {
      log.debug("{} not present", file.path());
      return f.build();
    }
    ProcStat s = ProcStat.parse(content.get());
    add(s.interrupts(), f.counter("node_intr_total", "Interrupts serviced since boot."));
    add(
        s.contextSwitches(),
        f.counter("node_context_switches_total", "Context switches since boot."));
    add(s.forks(), f.counter("node_forks_total", "Processes and threads created since boot."));
    add(
        s.bootTime(),
        f.gauge("node_boot_time_seconds", "Boot time, in seconds since the Unix epoch."));
    add(s.procsRunning(), f.gauge("node_procs_running", "Processes in runnable state."));
    add(s.procsBlocked(), f.gauge("node_procs_blocked", "Processes blocked waiting for I/O."));
    if (softirq) {
      var family = f.counter("node_softirqs_total", "Softirqs handled since boot, per vector.");
      // Newer kernels may add vectors at the end: node_exporter 1.5.0 knows these ten.
      for (int i = 0; i < Math.min(VECTORS.size(), s.softirqs().size()); i++) {
        family.add(s.softirqs().get(i), VECTOR_LABELS.get(i));
      }
    }
    return f.build();
  }

  private static void add(OptionalLong v, MetricFamilies.Family family) {
    v.ifPresent(family::add);
  }

  @Override
  public void stop() {
    file.close();
  }
}
