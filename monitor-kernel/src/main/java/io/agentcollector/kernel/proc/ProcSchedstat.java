package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/schedstat} (https://docs.kernel.org/scheduler/sched-stats.html), present with {@code
 * CONFIG_SCHEDSTATS}: of each {@code cpu<N>} line, the 7th to 9th values, the time the CPU ran
 * tasks and tasks waited for it (nanoseconds since CFS, whatever the documentation of older kernels
 * says) and the number of timeslices run. The {@code version}, {@code timestamp} and {@code
 * domain<N>} lines are ignored, and so are values after the 9th (newer kernels).
 *
 * <p>A {@code cpu} line with fewer than nine values, or a file without its final newline, is
 * refused: a cut file could otherwise end in a plausible, smaller count.
 *
 * @param cpus in file order
 */
public record ProcSchedstat(List<Cpu> cpus) {

  /**
   * @param cpu the number of {@code cpu<N>}
   * @param runningNanoseconds time spent running tasks (u64, wrapped into a long)
   * @param waitingNanoseconds time tasks spent waiting to run on this CPU
   * @param timeslices timeslices run on this CPU
   */
  public record Cpu(
      String cpu, long runningNanoseconds, long waitingNanoseconds, long timeslices) {}

  private static final String FILE = "/proc/schedstat";
  private static final int VALUES = 9;

  /** Parses the file's text. */
  public static ProcSchedstat parse(String content) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      throw new IllegalArgumentException(FILE + ": no newline at the end, the file is cut short");
    }
    List<Cpu> cpus = new ArrayList<>();
    int lineNo = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      lineNo++;
      if (isCpuLine(content, start, end)) {
        cpus.add(cpu(content.substring(start, end), lineNo));
      }
      start = end + 1;
    }
    return new ProcSchedstat(List.copyOf(cpus));
  }

  /** {@code cpu} and a digit: {@code cpu0}, not {@code cpus} or {@code domain0}. */
  private static boolean isCpuLine(String s, int start, int end) {
    return end - start > 3
        && s.startsWith("cpu", start)
        && s.charAt(start + 3) >= '0'
        && s.charAt(start + 3) <= '9';
  }

  private static Cpu cpu(String line, int lineNo) {
    String[] f = Fields.split(line);
    String name = f[0].substring(3);
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        throw new IllegalArgumentException(
            FILE + " line " + lineNo + ": bad CPU \"" + f[0] + "\" in \"" + line + "\"");
      }
    }
    if (f.length < VALUES + 1) {
      throw new IllegalArgumentException(
          FILE
              + " line "
              + lineNo
              + ": "
              + (f.length - 1)
              + " values, expected "
              + VALUES
              + ": \""
              + line
              + "\"");
    }
    for (int i = 1; i <= VALUES; i++) {
      // every value is checked, not only the three kept: garbage anywhere is no schedstat line
      Fields.unsigned(FILE, lineNo, f[i], 0, f[i].length());
    }
    return new Cpu(
        name,
        Fields.unsigned(FILE, lineNo, f[7], 0, f[7].length()),
        Fields.unsigned(FILE, lineNo, f[8], 0, f[8].length()),
        Fields.unsigned(FILE, lineNo, f[9], 0, f[9].length()));
  }
}
