package io.agentcollector.plugin.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code /proc/stat} (https://docs.kernel.org/filesystems/proc.html, section 1.8): per-CPU time in
 * USER_HZ ticks and the system-wide counters. Lines and trailing columns a kernel does not write
 * are zero/absent; lines it adds are ignored.
 *
 * @param cpus per CPU, indexed by CPU number; CPUs missing from the file (offline) are all zero
 */
record ProcStat(
    List<CpuTicks> cpus,
    OptionalLong interrupts,
    OptionalLong contextSwitches,
    OptionalLong bootTime,
    OptionalLong forks,
    OptionalLong procsRunning,
    OptionalLong procsBlocked) {

  /** USER_HZ ticks: user nice system idle iowait irq softirq steal guest guest_nice. */
  record CpuTicks(long[] ticks) {
    static final int COLUMNS = 10;

    long get(int column) {
      return ticks[column];
    }
  }

  static ProcStat parse(String content) {
    List<CpuTicks> cpus = new ArrayList<>();
    OptionalLong intr = OptionalLong.empty();
    OptionalLong ctxt = OptionalLong.empty();
    OptionalLong btime = OptionalLong.empty();
    OptionalLong processes = OptionalLong.empty();
    OptionalLong running = OptionalLong.empty();
    OptionalLong blocked = OptionalLong.empty();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      String[] f = line.strip().split("\\s+");
      if (f.length < 2) {
        continue;
      }
      String key = f[0];
      try {
        if (key.startsWith("cpu") && key.length() > 3) {
          int index = Integer.parseInt(key.substring(3));
          long[] ticks = new long[CpuTicks.COLUMNS];
          for (int i = 0; i < CpuTicks.COLUMNS && i + 1 < f.length; i++) {
            ticks[i] = Long.parseLong(f[i + 1]);
          }
          while (cpus.size() < index) {
            cpus.add(new CpuTicks(new long[CpuTicks.COLUMNS]));
          }
          if (cpus.size() == index) {
            cpus.add(new CpuTicks(ticks));
          } else {
            cpus.set(index, new CpuTicks(ticks));
          }
        } else {
          switch (key) {
            case "intr" -> intr = OptionalLong.of(Long.parseLong(f[1]));
            case "ctxt" -> ctxt = OptionalLong.of(Long.parseLong(f[1]));
            case "btime" -> btime = OptionalLong.of(Long.parseLong(f[1]));
            case "processes" -> processes = OptionalLong.of(Long.parseLong(f[1]));
            case "procs_running" -> running = OptionalLong.of(Long.parseLong(f[1]));
            case "procs_blocked" -> blocked = OptionalLong.of(Long.parseLong(f[1]));
            default -> { }
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("/proc/stat line " + n + ": not a number in \"" + line + "\"");
      }
    }
    return new ProcStat(List.copyOf(cpus), intr, ctxt, btime, processes, running, blocked);
  }
}
