package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code /proc/net/dev}, and {@code /proc/<pid>/net/dev} for the network namespace of a process:
 * two header lines naming the receive and transmit columns, then {@code iface: values…}
 * (https://docs.kernel.org/filesystems/proc.html, 1.4). Columns are known by the header's names, so
 * a kernel that adds one does not shift the others. Every line must have exactly one value per
 * column (16 on every kernel since 2.6), and the file its final newline: anything less was cut
 * short.
 *
 * @param columns the header's column names, direction-qualified: {@code receive_bytes}, …, {@code
 *     transmit_compressed}
 */
public record ProcNetDev(List<String> columns, List<Device> devices) {

  /** One interface; {@code values} in the order of the columns. */
  public static final class Device {

    private final String name;
    private final List<String> columns;
    private final long[] values;

    Device(String name, List<String> columns, long[] values) {
      this.name = name;
      this.columns = columns;
      this.values = values;
    }

    public String name() {
      return name;
    }

    /** The value of column {@code i} of {@link ProcNetDev#columns()}. */
    public long value(int i) {
      return values[i];
    }

    /**
     * Column {@code i} as the unsigned 64-bit counter the kernel prints, as node_exporter and
     * cAdvisor read it: values from 2^63 on stay positive.
     */
    public double counter(int i) {
      long v = values[i];
      return v >= 0 ? v : v + 0x1p64;
    }

    /**
     * {@link #counter(int)} of a column such as {@code receive_bytes}; 0 when the header has none
     * (every kernel since 2.6 has the 16 that {@code /proc/net/dev} is documented with).
     */
    public double counter(String column) {
      int i = columns.indexOf(column);
      return i < 0 ? 0 : counter(i);
    }

    /** The value of a column such as {@code receive_bytes}; empty when the header has none. */
    public OptionalLong get(String column) {
      int i = columns.indexOf(column);
      return i < 0 ? OptionalLong.empty() : OptionalLong.of(values[i]);
    }

    @Override
    public String toString() {
      return name + columns;
    }
  }

  /** Interface names, shared while they stay (eth0 and lo in every namespace). */
  private static final Names NAMES = new Names(256);

  /** The header of the last file parsed: the same text in every namespace, parsed once. */
  private static volatile Header last = new Header("", List.of());

  private record Header(String text, List<String> columns) {}

  /**
   * {@code file} names the file in messages: {@code /proc/net/dev}, {@code /proc/<pid>/net/dev}.
   */
  public static ProcNetDev parse(String file, String content) {
    if (!content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(file + ": no newline at the end, the file is cut short");
    }
    Header header = header(file, content);
    List<String> columns = header.columns();
    List<Device> out = new ArrayList<>();
    int n = 2;
    int pos = header.text().length();
    while (pos < content.length()) {
      int end = content.indexOf('\n', pos);
      n++;
      if (Fields.skipSpace(content, pos, end) < end) {
        out.add(device(file, n, content, pos, end, columns));
      }
      pos = end + 1;
    }
    return new ProcNetDev(columns, List.copyOf(out));
  }

  private static Device device(
      String file, int n, String content, int pos, int end, List<String> columns) {
    int colon = content.indexOf(':', pos);
    if (colon < 0 || colon > end) {
      throw new IllegalArgumentException(
          file + " line " + n + ": no ':' in \"" + content.substring(pos, end).strip() + "\"");
    }
    long[] values = new long[columns.size()];
    int count = 0;
    int i = Fields.skipSpace(content, colon + 1, end);
    while (i < end) {
      int e = Fields.skipField(content, i, end);
      if (count < values.length) {
        values[count] = Fields.unsigned(file, n, content, i, e);
      }
      count++;
      i = Fields.skipSpace(content, e, end);
    }
    if (count != values.length) {
      throw new IllegalArgumentException(
          file
              + " line "
              + n
              + ": "
              + count
              + " values for "
              + values.length
              + " columns: \""
              + content.substring(pos, end).strip()
              + "\"");
    }
    int a = pos;
    int b = colon;
    while (a < b && Cursor.isWhitespace(content.charAt(a))) {
      a++;
    }
    while (b > a && Cursor.isWhitespace(content.charAt(b - 1))) {
      b--;
    }
    return new Device(NAMES.of(content, a, b), columns, values);
  }

  /** The two header lines, from the last file when they are the same. */
  private static Header header(String file, String content) {
    Header h = last;
    if (!h.text().isEmpty() && content.startsWith(h.text())) {
      return h;
    }
    int first = content.indexOf('\n');
    int second = first < 0 ? -1 : content.indexOf('\n', first + 1);
    String names = second < 0 ? "" : content.substring(first + 1, second);
    String[] groups = names.split("\\|");
    if (groups.length < 3) {
      throw new IllegalArgumentException(
          file + ": missing the two header lines with receive|transmit columns");
    }
    List<String> columns = new ArrayList<>();
    for (String c : Fields.split(groups[1])) {
      columns.add("receive_" + c);
    }
    for (String c : Fields.split(groups[2])) {
      columns.add("transmit_" + c);
    }
    h = new Header(content.substring(0, second + 1), List.copyOf(columns));
    last = h;
    return h;
  }
}
