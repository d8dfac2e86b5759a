package io.agentcollector.kernel.proc;

import java.util.LinkedHashMap;
import java.util.Map;

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
    String[] lines = content.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].strip().split("\\s+");
      if (f.length < 2) {
        continue;
      }
      int six = f[0].indexOf('6');
      if (six < 0) {
        continue;
      }
      try {
        protocols
            .computeIfAbsent(f[0].substring(0, six + 1), k -> new LinkedHashMap<>())
            .put(f[0].substring(six + 1), Double.parseDouble(f[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "/proc/net/snmp6 line " + (i + 1) + ": not a number in \"" + lines[i].strip() + "\"");
      }
    }
    return new ProcNetSnmp6(protocols);
  }
}
