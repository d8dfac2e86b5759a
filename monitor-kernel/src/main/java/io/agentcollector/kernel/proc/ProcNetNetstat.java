package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * {@code /proc/net/netstat} or {@code /proc/net/snmp}: pairs of lines, {@code Proto: Name1 Name2
 * ...} then {@code Proto: v1 v2 ...} (https://docs.kernel.org/networking/snmp_counter.html). Values
 * are kept raw (a few, like Tcp MaxConn, are -1).
 *
 * @param protocols per protocol ({@code TcpExt}, {@code Ip}, ...), value per field, in file order
 */
public record ProcNetNetstat(Map<String, Map<String, Double>> protocols) {

  /**
   * Where a parse gives the protocols of a file (this one or {@link ProcNetSnmp6}), without a map
   * or a boxed value: for a collector that maps them every cycle.
   */
  @FunctionalInterface
  public interface Protocols {
    /**
     * A protocol's fields follow; they replace any the same protocol had earlier (in an earlier
     * line pair or file), as the record's map does.
     *
     * @return where its fields go, name by name; names are the same instances from call to call
     */
    ObjDoubleConsumer<String> protocol(String name);
  }

  /** Protocol and field names of netstat, snmp and snmp6: about 400, the same every cycle. */
  static final Names NAMES = new Names(512);

  /** Parses the text of {@code file} ({@code /proc/net/netstat} or {@code /proc/net/snmp}). */
  public static ProcNetNetstat parse(String file, String content) {
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>();
    parse(
        file,
        content,
        name -> {
          Map<String, Double> fields = new LinkedHashMap<>();
          protocols.put(name, fields);
          return fields::put;
        });
    return new ProcNetNetstat(protocols);
  }

  /**
   * Parses the text of {@code file} into {@code to}. Garbage is refused as by {@link #parse(String,
   * String)}, possibly after some protocols were given.
   */
  public static void parse(String file, String content, Protocols to) {
    int from = 0;
    int end = content.length();
    while (from < end && Character.isWhitespace(content.charAt(from))) {
      from++;
    }
    while (end > from && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    if (from == end) {
      return;
    }
    int lines = 1;
    for (int i = content.indexOf('\n', from); i >= 0 && i < end; i = content.indexOf('\n', i + 1)) {
      lines++;
    }
    if (lines % 2 != 0) {
      throw new IllegalArgumentException(
          file + ": " + lines + " lines, expected pairs of name and value lines");
    }
    Cursor names = new Cursor(content, from, end);
    Cursor values = new Cursor(content, from, end);
    values.nextLine();
    while (names.nextLine() && values.nextLine()) {
      pair(file, names, values, to);
      names.nextLine();
      values.nextLine();
    }
  }

  /** The name line under {@code names} and the value line under {@code values}. */
  private static void pair(String file, Cursor names, Cursor values, Protocols to) {
    String at = file + " lines " + names.lineNumber() + "-" + values.lineNumber() + ": ";
    Header h = header(names);
    boolean valued = values.nextField();
    if (h.protocol() == null || !valued || !values.is(h.first())) {
      throw new IllegalArgumentException(
          at
              + "protocol \""
              + h.first()
              + "\" and \""
              + (valued ? values.field() : "")
              + "\" do not pair up");
    }
    int count = values.fieldsLeft();
    if (count != h.names().length) {
      throw new IllegalArgumentException(
          at + h.names().length + " names but " + count + " values for " + h.first());
    }
    ObjDoubleConsumer<String> fields = to.protocol(h.protocol());
    for (String name : h.names()) {
      values.nextField();
      double value;
      try {
        value = values.doubleValue();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file
                + " line "
                + values.lineNumber()
                + ": not a number \""
                + values.field()
                + "\" for "
                + h.first()
                + " "
                + name);
      }
      fields.accept(name, value);
    }
  }

  /**
   * A name line as written, split once: its first field, the protocol (the first field without its
   * colon; null when it has none) and the field names.
   */
  private record Header(String line, String first, String protocol, String[] names) {}

  /**
   * Name lines seen: the same few every cycle, and long (TcpExt's has over 100 names), so each is
   * split once and then only compared. Shared by all threads: a race loses an entry, never mixes
   * two (records are immutable).
   */
  private static final Header[] HEADERS = new Header[32];

  private static int nextReplaced;

  /** The name line under {@code names}, split. */
  private static Header header(Cursor names) {
    for (Header h : HEADERS) {
      if (h != null && names.lineIs(h.line())) {
        return h;
      }
    }
    String first = names.nextField() ? names.field() : "";
    String protocol = first.endsWith(":") ? NAMES.of(first, 0, first.length() - 1) : null;
    List<String> fields = new ArrayList<>();
    while (names.nextField()) {
      fields.add(names.field(NAMES));
    }
    Header h = new Header(names.rawLine(), first, protocol, fields.toArray(new String[0]));
    if (protocol != null) {
      int slot = 0;
      while (slot < HEADERS.length && HEADERS[slot] != null) {
        slot++;
      }
      if (slot == HEADERS.length) {
        slot = nextReplaced++ & HEADERS.length - 1; // more than a kernel writes: garbage
      }
      HEADERS[slot] = h;
    }
    return h;
  }
}
