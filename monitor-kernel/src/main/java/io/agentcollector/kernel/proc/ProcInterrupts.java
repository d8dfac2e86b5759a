package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/interrupts}: a header of one {@code CPU<n>} column per online CPU, then per
 * interrupt {@code name: count-per-CPU... details} (https://docs.kernel.org/filesystems/proc.html,
 * 1.2; kernel/irq/proc.c, show_interrupts). Split as node_exporter's interrupts collector splits
 * it: a numbered interrupt's details are its controller ({@code info}) then the rest ({@code
 * devices}: hardware IRQ, trigger, device names), a named one's ({@code NMI}, {@code LOC}, ...) are
 * all {@code info}; lines with no details after the counts ({@code ERR}, {@code MIS}) are left out.
 * Whitespace inside the details is collapsed to single spaces.
 *
 * @param cpus the header's CPU columns
 */
public record ProcInterrupts(int cpus, List<Interrupt> interrupts) {

  /**
   * One line.
   *
   * @param name the name before the colon: an IRQ number or a mnemonic such as {@code LOC}
   * @param counts one count per CPU column, in header order
   * @param devices empty for named interrupts
   */
  public record Interrupt(String name, long[] counts, String info, String devices) {}

  private static final String FILE = "/proc/interrupts";

  /** Parses the file's text. */
  public static ProcInterrupts parse(String content) {
    int headerEnd = lineEnd(content, 0);
    int cpus = Fields.split(content, 0, headerEnd).length;
    if (cpus == 0) {
      throw new IllegalArgumentException(FILE + ": no header line of CPU columns");
    }
    List<Interrupt> out = new ArrayList<>();
    int n = 1;
    int pos = headerEnd + 1;
    while (pos < content.length()) {
      int end = lineEnd(content, pos);
      n++;
      Interrupt i = line(n, content, pos, end, cpus);
      if (i != null) {
        out.add(i);
      }
      pos = end + 1;
    }
    return new ProcInterrupts(cpus, List.copyOf(out));
  }

  /** One interrupt, or null for a line without details after its counts. */
  private static Interrupt line(int n, String s, int from, int end, int cpus) {
    int i = Fields.skipSpace(s, from, end);
    if (i == end) {
      return null;
    }
    int nameEnd = Fields.skipField(s, i, end);
    String name = s.substring(i, nameEnd - 1); // without the colon
    int[] starts = new int[cpus];
    int[] ends = new int[cpus];
    int c = 0;
    i = Fields.skipSpace(s, nameEnd, end);
    while (c < cpus && i < end) {
      starts[c] = i;
      ends[c] = Fields.skipField(s, i, end);
      i = Fields.skipSpace(s, ends[c++], end);
    }
    if (c < cpus || i == end) {
      return null; // node_exporter skips lines shorter than name, counts and one detail
    }
    long[] counts = new long[cpus];
    for (int k = 0; k < cpus; k++) {
      counts[k] = Fields.unsigned(FILE, n, s, starts[k], ends[k]);
    }
    if (isNumber(name)) {
      int infoEnd = Fields.skipField(s, i, end);
      return new Interrupt(
          name, counts, s.substring(i, infoEnd), joined(s, Fields.skipSpace(s, infoEnd, end), end));
    }
    return new Interrupt(name, counts, joined(s, i, end), "");
  }

  /** The fields of {@code s[from, end)} joined by single spaces, as Go's Join(Fields(...)). */
  private static String joined(String s, int from, int end) {
    StringBuilder b = new StringBuilder(end - from);
    int i = from;
    while (i < end) {
      int e = Fields.skipField(s, i, end);
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(s, i, e);
      i = Fields.skipSpace(s, e, end);
    }
    return b.toString();
  }

  /** What Go's strconv.Atoi accepts: an optional sign and decimal digits. */
  private static boolean isNumber(String name) {
    int start = !name.isEmpty() && (name.charAt(0) == '+' || name.charAt(0) == '-') ? 1 : 0;
    if (name.length() == start) {
      return false;
    }
    for (int i = start; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int lineEnd(String s, int from) {
    int end = s.indexOf('\n', from);
    return end < 0 ? s.length() : end;
  }
}
