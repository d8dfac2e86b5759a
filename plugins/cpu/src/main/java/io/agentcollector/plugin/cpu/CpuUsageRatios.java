package io.agentcollector.plugin.cpu;

import io.agentcollector.kernel.proc.ProcStat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Busy share of CPU time between two consecutive readings, for the extra gauges {@code
 * host_cpu_usage_ratio} and {@code host_cpu_core_usage_ratio{cpu}}: busy = total − idle − iowait
 * over total, where total is the sum of the eight modes user..steal. guest and guest_nice are left
 * out of the total because the kernel already counts them in user and nice.
 */
final class CpuUsageRatios {

  /**
   * @param perCpu CPU number to ratio, only for CPUs whose time advanced
   * @param all the ratio over those CPUs together, empty when none advanced
   */
  record Ratios(Map<Integer, Double> perCpu, OptionalDouble all) {
    static final Ratios NONE = new Ratios(Map.of(), OptionalDouble.empty());
  }

  private static final int MODES = 8;

  private List<long[]> previous = List.of();

  /** Ratios since the previous call; none on the first call or when the CPU count changed. */
  Ratios next(List<long[]> ticks) {
    List<long[]> before = previous;
    previous = ticks;
    if (before.size() != ticks.size()) {
      return Ratios.NONE;
    }
    Map<Integer, Double> perCpu = new TreeMap<>();
    long busyAll = 0;
    long totalAll = 0;
    for (int c = 0; c < ticks.size(); c++) {
      long total = 0;
      boolean reset = false;
      for (int m = 0; m < MODES; m++) {
        long d = ticks.get(c)[m] - before.get(c)[m];
        // Only a hot-plug reset of the counter guard makes a mode go back: no ratio this cycle.
        reset |= d < 0;
        total += d;
      }
      if (reset || total == 0) {
        continue;
      }
      long idle =
          delta(ticks, before, c, ProcStat.CpuTicks.IDLE)
              + delta(ticks, before, c, ProcStat.CpuTicks.IOWAIT);
      perCpu.put(c, (double) (total - idle) / total);
      busyAll += total - idle;
      totalAll += total;
    }
    return new Ratios(
        perCpu,
        totalAll == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) busyAll / totalAll));
  }

  private static long delta(List<long[]> now, List<long[]> before, int cpu, int column) {
    return now.get(cpu)[column] - before.get(cpu)[column];
  }
}
