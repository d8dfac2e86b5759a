package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * {@code /proc/net/snmp6}: one {@code Ip6InReceives 123} pair per line (net/ipv6/proc.c). As in
 * node_exporter the protocol is the name up to and including its first {@code 6} ({@code Ip6},
 * {@code Icmp6}, {@code Udp6}, {@code UdpLite6}); names without a 6 are ignored.
 *
 * @param protocols per protocol, value per field, in file order
 */
public record ProcNetSnmp6(Map<String, Map<String, Double>> protocols) {

  /** Parses the file's text. */
  public static ProcNetSnmp6 parse(String content) {
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>();
    parse(
        content,
        name -> {
          Map<String, Double> fields = new LinkedHashMap<>();
          protocols.put(name, fields);
          return fields::put;
        });
    return new ProcNetSnmp6(protocols);
  }

  /**
   * Parses the file's text into {@code to}: each protocol once, at its first line, with the fields
   * of all its lines. Garbage is refused as by {@link #parse(String)}, possibly after some fields
   * were given.
   */
  public static void parse(String content, ProcNetNetstat.Protocols to) {
    // The protocols begun in this file, a handful.
    String[] begun = new String[8];
    @SuppressWarnings("unchecked")
    ObjDoubleConsumer<String>[] sinks = new ObjDoubleConsumer[8];
    int count = 0;
    Cursor c = new Cursor(content);
    while (c.nextLine()) {
      if (c.fieldsLeft() < 2) {
        continue;
      }
      c.nextField();
      String text = c.text();
      int six = text.indexOf('6', c.start());
      if (six < 0 || six >= c.end()) {
        continue;
      }
      String protocol = ProcNetNetstat.NAMES.of(text, c.start(), six + 1);
      String name = ProcNetNetstat.NAMES.of(text, six + 1, c.end());
      c.nextField();
      double value;
      try {
        value = c.doubleValue();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "/proc/net/snmp6 line " + c.lineNumber() + ": not a number in \"" + c.line() + "\"");
      }
      int k = 0;
      while (k < count && !begun[k].equals(protocol)) {
        k++;
      }
      if (k == count) {
        if (count == begun.length) {
          begun = Arrays.copyOf(begun, count * 2);
          sinks = Arrays.copyOf(sinks, count * 2);
        }
        begun[count] = protocol;
        sinks[count++] = to.protocol(protocol);
      }
      sinks[k].accept(name, value);
    }
  }
}
