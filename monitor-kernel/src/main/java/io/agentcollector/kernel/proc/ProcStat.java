package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

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
    if (!content.endsWith("\n")) {
      throw truncated("no newline at the end");
    }
    Parse p = new Parse();
    Cursor c = new Cursor(content);
    while (c.nextLine()) {
      if (!c.nextField()) {
        continue;
      }
      int kind = kind(c);
      int key = c.start();
      int keyEnd = c.end();
      if (!c.nextField()) {
        continue; // one field: no line a kernel writes
      }
      if (kind >= 0 && kind < REQUIRED.size()) {
        p.seen |= 1 << kind;
      }
      p.line(kind, key, keyEnd, c);
    }
    for (int i = 0; i < REQUIRED.size(); i++) {
      if ((p.seen & 1 << i) == 0) {
        throw truncated("no " + REQUIRED.get(i) + " line");
      }
    }
    return new ProcStat(
        List.copyOf(p.cpus),
        p.intr,
        p.ctxt,
        p.btime,
        p.processes,
        p.running,
        p.blocked,
        p.softirqs);
  }

  /** A {@code cpu<N>} line; other kinds are the index in {@link #REQUIRED}, -1 any other line. */
  private static final int CPU_N = 100;

  /** What the line's first field, under the cursor, is. */
  private static int kind(Cursor c) {
    for (int i = 0; i < REQUIRED.size(); i++) {
      if (c.is(REQUIRED.get(i))) {
        return i;
      }
    }
    return c.end() - c.start() > 3 && c.text().startsWith("cpu", c.start()) ? CPU_N : -1;
  }

  /** What a parse has found so far. */
  private static final class Parse {
    private final List<CpuTicks> cpus = new ArrayList<>();
    private OptionalLong intr = OptionalLong.empty();
    private OptionalLong ctxt = OptionalLong.empty();
    private OptionalLong btime = OptionalLong.empty();
    private OptionalLong processes = OptionalLong.empty();
    private OptionalLong running = OptionalLong.empty();
    private OptionalLong blocked = OptionalLong.empty();
    private List<Long> softirqs = List.of();
    private int seen;

    /**
     * A line of {@code kind}, its key at {@code [key, keyEnd)}, its second field under the cursor.
     */
    void line(int kind, int key, int keyEnd, Cursor c) {
      switch (kind) {
        case 0 -> checkCpuColumns(c, 1 + c.fieldsLeft());
        case 1 -> intr = OptionalLong.of(number(c));
        case 2 -> ctxt = OptionalLong.of(number(c));
        case 3 -> btime = OptionalLong.of(number(c));
        case 4 -> processes = OptionalLong.of(number(c));
        case 5 -> running = OptionalLong.of(number(c));
        case 6 -> blocked = OptionalLong.of(number(c));
        case 7 -> {
          // The second field is the total; the per-vector counts follow.
          List<Long> v = new ArrayList<>();
          while (c.nextField()) {
            v.add(number(c));
          }
          softirqs = List.copyOf(v);
        }
        case CPU_N -> putCpu(cpus, cpuNumber(c, key, keyEnd), c);
        default -> {
          // a line a newer kernel writes
        }
      }
    }
  }

  private static void checkCpuColumns(Cursor c, int values) {
    if (values < CpuTicks.COLUMNS) {
      throw new IllegalArgumentException(
          "/proc/stat line "
              + c.lineNumber()
              + ": "
              + values
              + " values, expected "
              + CpuTicks.COLUMNS
              + " or more: \""
              + c.line()
              + "\"");
    }
  }

  /** The ticks of a cpu line whose first value is under the cursor. */
  private static void putCpu(List<CpuTicks> cpus, int index, Cursor c) {
    checkCpuColumns(c, 1 + c.fieldsLeft());
    long[] ticks = new long[CpuTicks.COLUMNS];
    ticks[0] = number(c);
    for (int i = 1; i < CpuTicks.COLUMNS; i++) {
      c.nextField();
      ticks[i] = number(c);
    }
    while (cpus.size() <= index) {
      cpus.add(CpuTicks.of());
    }
    cpus.set(index, new CpuTicks(ticks));
  }

  /** N of the key {@code cpu<N>} at {@code text[key, keyEnd)}. */
  private static int cpuNumber(Cursor c, int key, int keyEnd) {
    String text = c.text();
    int from = key + 3;
    boolean digits = from < keyEnd && keyEnd - from <= 6;
    for (int i = from; digits && i < keyEnd; i++) {
      digits = Character.isDigit(text.charAt(i));
    }
    int n = digits ? Integer.parseInt(text, from, keyEnd, 10) : MAX_CPUS;
    if (n >= MAX_CPUS) {
      throw malformed(c, text.substring(key, keyEnd));
    }
    return n;
  }

  /** The field under the cursor, a count. */
  private static long number(Cursor c) {
    try {
      long v = c.longValue();
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed(c, c.field());
  }

  private static IllegalArgumentException truncated(String what) {
    return new IllegalArgumentException("/proc/stat: " + what + ", the file is cut short");
  }

  private static IllegalArgumentException malformed(Cursor c, String value) {
    return new IllegalArgumentException(
        "/proc/stat line "
            + c.lineNumber()
            + ": bad value \""
            + value
            + "\" in \""
            + c.line()
            + "\"");
  }
}
