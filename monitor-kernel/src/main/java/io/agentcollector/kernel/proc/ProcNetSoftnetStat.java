package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/softnet_stat}: one line per online CPU of 32-bit hexadecimal counters, the first
 * three processed packets, packets dropped (input queue full) and time squeezes (the NAPI budget
 * ran out) (net/core/net-procfs.c, softnet_seq_show;
 * https://docs.kernel.org/networking/scaling.html). Kernels write 9 to 13 columns; a line needs at
 * least 9, as prometheus/procfs requires, and the columns after the third are ignored.
 *
 * @param cpus one entry per line, in file order (the line's position is node_exporter's {@code cpu}
 *     label: offline CPUs have no line)
 */
public record ProcNetSoftnetStat(List<Cpu> cpus) {

  /** The counters of one line. */
  public record Cpu(long processed, long dropped, long timeSqueezed) {}

  private static final String FILE = "/proc/net/softnet_stat";
  private static final int MIN_COLUMNS = 9;

  /** Parses the file's text. */
  public static ProcNetSoftnetStat parse(String content) {
    List<Cpu> out = new ArrayList<>();
    long[] first = new long[3];
    int n = 0;
    int pos = 0;
    while (pos < content.length()) {
      int end = content.indexOf('\n', pos);
      end = end < 0 ? content.length() : end;
      n++;
      int columns = 0;
      int i = Fields.skipSpace(content, pos, end);
      while (i < end) {
        int e = Fields.skipField(content, i, end);
        if (columns < first.length) {
          first[columns] = hex32(n, content, i, e);
        }
        columns++;
        i = Fields.skipSpace(content, e, end);
      }
      if (columns > 0 && columns < MIN_COLUMNS) {
        throw new IllegalArgumentException(
            FILE
                + " line "
                + n
                + ": "
                + columns
                + " columns, expected at least "
                + MIN_COLUMNS
                + ": \""
                + content.substring(pos, end).strip()
                + "\"");
      }
      if (columns > 0) {
        out.add(new Cpu(first[0], first[1], first[2]));
      }
      pos = end + 1;
    }
    return new ProcNetSoftnetStat(List.copyOf(out));
  }

  /** A column the kernel prints as {@code %08x} of an unsigned 32-bit counter. */
  private static long hex32(int n, String s, int from, int to) {
    long v = Hex.parse(s, from, to, 8);
    if (v < 0) {
      throw new IllegalArgumentException(
          FILE
              + " line "
              + n
              + ": not a 32-bit hexadecimal number: \""
              + s.substring(from, to)
              + "\"");
    }
    return v;
  }
}
