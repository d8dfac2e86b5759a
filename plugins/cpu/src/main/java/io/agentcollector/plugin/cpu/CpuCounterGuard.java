package io.agentcollector.plugin.cpu;

import io.agentcollector.kernel.proc.ProcStat;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter 1.5.0's guard against CPU counters going backwards (iowait does on some kernels): a
 * lower reading keeps the last value, so the exposed counters never decrease. If idle drops by 3 s
 * or more the CPU was probably hot-plugged, so its history is dropped; a different number of CPUs
 * starts over. Works on ticks; 3 s is 300 USER_HZ ticks.
 */
final class CpuCounterGuard {

  private static final long HOTPLUG_IDLE_DROP_TICKS = 300;

  private long[][] last = new long[0][];

  /** The guarded ticks of this reading, one array per CPU in {@link ProcStat.CpuTicks} order. */
  List<long[]> apply(List<ProcStat.CpuTicks> cpus) {
    if (last.length != cpus.size()) {
      last = new long[cpus.size()][ProcStat.CpuTicks.COLUMNS];
    }
    List<long[]> out = new ArrayList<>(cpus.size());
    for (int c = 0; c < cpus.size(); c++) {
      long[] now = cpus.get(c).ticks();
      int idle = ProcStat.CpuTicks.IDLE;
      if (last[c][idle] - now[idle] >= HOTPLUG_IDLE_DROP_TICKS) {
        last[c] = new long[ProcStat.CpuTicks.COLUMNS];
      }
      for (int i = 0; i < now.length; i++) {
        last[c][i] = Math.max(last[c][i], now[i]);
      }
      out.add(last[c].clone());
    }
    return out;
  }
}
