package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code /proc/stat}
 * (https://docs.kernel.org/filesystems/proc.html#miscellaneous-kernel-statistics-in-proc-stat):
 * per-CPU time in USER_HZ ticks and the system-wide counters. Lines and columns a newer kernel adds
 * are ignored. The aggregate {@code cpu} line is skipped: node_exporter exports per-CPU lines only.
 *
 * <p>A file cut short is refused, never read as zeros: every kernel since 2.6.33 writes ten columns
 * per cpu line, the lines of {@link #REQUIRED} (softirq last) and a final newline, so any prefix of
 * a real file lacks one of them.
 *
 * @param cpus per CPU, indexed by CPU number; a CPU missing from the file (offline) below the
 *     highest one present is all zero, as in procfs
 * @param softirqs per-vector softirq counts (hi, timer, net_tx, …), empty without a softirq line
 */
public record ProcStat(
    List<CpuTicks> cpus,
    OptionalLong interrupts,
    OptionalLong contextSwitches,
    OptionalLong bootTime,
    OptionalLong forks,
    OptionalLong procsRunning,
    OptionalLong procsBlocked,
    List<Long> softirqs) {

  /** A bound well above any real machine, so a corrupt CPU number cannot make us allocate GBs. */
  private static final int MAX_CPUS = 1 << 16;

  /** The lines every kernel since 2.6.31 writes, in its order. */
  static final List<String> REQUIRED =
      List.of(
          "cpu", "intr", "ctxt", "btime", "processes", "procs_running", "procs_blocked", "softirq");

  /**
   * One {@code cpuN} line in USER_HZ ticks, in the kernel's column order: user nice system idle
   * iowait irq softirq steal guest guest_nice.
   */
  public record CpuTicks(long[] ticks) {
    public static final int COLUMNS = 10;
    public static final int IDLE = 3;
    public static final int IOWAIT = 4;
    public static final int GUEST = 8;
    public static final int GUEST_NICE = 9;

    public CpuTicks {
      ticks = Arrays.copyOf(ticks, COLUMNS);
    }

    /** Ticks in column order; missing columns are 0. */
    public static CpuTicks of(long... ticks) {
      return new CpuTicks(ticks);
    }

    public long get(int column) {
      return ticks[column];
    }

    @Override
    public long[] ticks() {
      return ticks.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CpuTicks t && Arrays.equals(ticks, t.ticks);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ticks);
    }

    @Override
    public String toString() {
      return Arrays.toString(ticks);
    }
  }

  /** Parses the file's text. */
  public static ProcStat parse(String content) {
    List<CpuTicks> cpus = new ArrayList<>();
    OptionalLong intr = OptionalLong.empty();
    OptionalLong ctxt = OptionalLong.empty();
    OptionalLong btime = OptionalLong.empty();
    OptionalLong processes = OptionalLong.empty();
    OptionalLong running = OptionalLong.empty();
    OptionalLong blocked = OptionalLong.empty();
    List<Long> softirqs = List.of();
    if (!content.endsWith("\n")) {
      throw truncated("no newline at the end");
    }
    Set<String> seen = new HashSet<>();
    String[] lines = content.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String[] f = line.strip().split("\\s+");
      if (f.length < 2) {
        continue;
      }
      String key = f[0];
      seen.add(key);
      switch (key) {
        case "cpu" -> checkCpuColumns(f, n, line);
        case "intr" -> intr = OptionalLong.of(number(f[1], n, line));
        case "ctxt" -> ctxt = OptionalLong.of(number(f[1], n, line));
        case "btime" -> btime = OptionalLong.of(number(f[1], n, line));
        case "processes" -> processes = OptionalLong.of(number(f[1], n, line));
        case "procs_running" -> running = OptionalLong.of(number(f[1], n, line));
        case "procs_blocked" -> blocked = OptionalLong.of(number(f[1], n, line));
        case "softirq" -> {
          // Column 1 is the total; the per-vector counts follow.
          List<Long> v = new ArrayList<>();
          for (int i = 2; i < f.length; i++) {
            v.add(number(f[i], n, line));
          }
          softirqs = List.copyOf(v);
        }
        default -> {
          if (key.startsWith("cpu")) {
            putCpu(cpus, cpuNumber(key, n, line), f, n, line);
          }
        }
      }
    }
    for (String key : REQUIRED) {
      if (!seen.contains(key)) {
        throw truncated("no " + key + " line");
      }
    }
    return new ProcStat(
        List.copyOf(cpus), intr, ctxt, btime, processes, running, blocked, softirqs);
  }

  private static void checkCpuColumns(String[] f, int n, String line) {
    if (f.length < 1 + CpuTicks.COLUMNS) {
      throw new IllegalArgumentException(
          "/proc/stat line "
              + (n + 1)
              + ": "
              + (f.length - 1)
              + " values, expected "
              + CpuTicks.COLUMNS
              + " or more: \""
              + line.strip()
              + "\"");
    }
  }

  private static void putCpu(List<CpuTicks> cpus, int index, String[] f, int n, String line) {
    checkCpuColumns(f, n, line);
    long[] ticks = new long[CpuTicks.COLUMNS];
    for (int i = 0; i < CpuTicks.COLUMNS; i++) {
      ticks[i] = number(f[i + 1], n, line);
    }
    while (cpus.size() <= index) {
      cpus.add(CpuTicks.of());
    }
    cpus.set(index, new CpuTicks(ticks));
  }

  private static int cpuNumber(String key, int n, String line) {
    String digits = key.substring(3);
    if (digits.isEmpty()
        || !digits.chars().allMatch(Character::isDigit)
        || digits.length() > 6
        || Integer.parseInt(digits) >= MAX_CPUS) {
      throw malformed(n, line, key);
    }
    return Integer.parseInt(digits);
  }

  private static long number(String value, int n, String line) {
    try {
      long v = Long.parseLong(value);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed(n, line, value);
  }

  private static IllegalArgumentException truncated(String what) {
    return new IllegalArgumentException("/proc/stat: " + what + ", the file is cut short");
  }

  private static IllegalArgumentException malformed(int n, String line, String value) {
    return new IllegalArgumentException(
        "/proc/stat line " + (n + 1) + ": bad value \"" + value + "\" in \"" + line.strip() + "\"");
  }
}
