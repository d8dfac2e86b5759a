package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.util.List;
import org.pf4j.Extension;

/**
 * node_exporter's cpu collector: {@code node_cpu_seconds_total{cpu,mode}} and {@code
 * node_cpu_guest_seconds_total{cpu,mode}} from /proc/stat, plus the documented extra gauges {@code
 * host_cpu_usage_ratio} and {@code host_cpu_core_usage_ratio{cpu}}. Golden file:
 * src/test/golden/cpu.prom.
 */
@Extension
public final class CpuCollector implements Collector {

  static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
  /** /proc/stat counts USER_HZ ticks; Linux fixes USER_HZ at 100, as node_exporter assumes. */
  static final double USER_HZ = 100.0;

  private HostPaths paths;
  private CpuConfig config;
  private final CpuCounterGuard guard = new CpuCounterGuard();
  private double[][] previous;

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return true;
  }

  @Override
  public void start(CollectorContext context) {
    paths = context.hostPaths();
    config = CpuConfig.from(context.config());
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    ProcStat stat = ProcStat.parse(Files.readString(paths.proc("stat")));
    double[][] seconds = guard.apply(stat.cpus());
    MetricFamilies f = new MetricFamilies();
    var cpuSeconds = f.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.");
    var guest = f.counter("node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.");
    for (int cpu = 0; cpu < seconds.length; cpu++) {
      String label = Integer.toString(cpu);
      for (int m = 0; m < MODES.length; m++) {
        cpuSeconds.add(seconds[cpu][m], "cpu", label, "mode", MODES[m]);
      }
      if (config.guest()) {
        guest.add(seconds[cpu][8], "cpu", label, "mode", "user");
        guest.add(seconds[cpu][9], "cpu", label, "mode", "nice");
      }
    }
    if (config.extraMetrics()) {
      usageRatios(f, seconds);
    }
    previous = seconds;
    return f.build();
  }

  /** Busy (all modes but idle and iowait) over elapsed time since the last cycle, per CPU and in all. */
  private void usageRatios(MetricFamilies f, double[][] now) {
    if (previous == null || previous.length != now.length) {
      return;
    }
    var perCpu = f.gauge("host_cpu_core_usage_ratio", "Busy fraction of each CPU over the last cycle (0..1).");
    double busyAll = 0;
    double totalAll = 0;
    for (int cpu = 0; cpu < now.length; cpu++) {
      double total = 0;
      double idle = 0;
      // Guest time is already inside user and nice: only the eight modes add up to elapsed time.
      for (int m = 0; m < MODES.length; m++) {
        double d = now[cpu][m] - previous[cpu][m];
        total += d;
        if (m == 3 || m == 4) {
          idle += d;
        }
      }
      if (total > 0) {
        perCpu.add((total - idle) / total, "cpu", Integer.toString(cpu));
        busyAll += total - idle;
        totalAll += total;
      }
    }
    if (totalAll > 0) {
      f.gauge("host_cpu_usage_ratio", "Busy fraction of all CPUs together over the last cycle (0..1).")
          .add(busyAll / totalAll);
    }
  }

  /**
   * node_exporter's guard against counters going backwards (iowait does on some kernels): a lower
   * reading keeps the last value; idle dropping by 3 s or more means the CPU was hot-plugged, so
   * its history is dropped; a different CPU count starts over.
   */
  static final class CpuCounterGuard {
    private double[][] last;

    double[][] apply(List<ProcStat.CpuTicks> cpus) {
      double[][] now = new double[cpus.size()][ProcStat.CpuTicks.COLUMNS];
      for (int c = 0; c < cpus.size(); c++) {
        for (int i = 0; i < ProcStat.CpuTicks.COLUMNS; i++) {
          now[c][i] = cpus.get(c).get(i) / USER_HZ;
        }
      }
      if (last == null || last.length != now.length) {
        last = now;
        return copy(now);
      }
      for (int c = 0; c < now.length; c++) {
        if (last[c][3] - now[c][3] >= 3) {
          last[c] = now[c];
          continue;
        }
        for (int i = 0; i < ProcStat.CpuTicks.COLUMNS; i++) {
          last[c][i] = Math.max(last[c][i], now[c][i]);
        }
      }
      return copy(last);
    }

    private static double[][] copy(double[][] a) {
      double[][] out = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i].clone();
      }
      return out;
    }
  }
}
