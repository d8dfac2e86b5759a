package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /proc/net/sockstat} or {@code /proc/net/sockstat6}: lines {@code PROTO: key value key
 * value ...} (https://docs.kernel.org/networking/proc_net_tcp.html; written by net/ipv4/proc.c and
 * net/ipv6/proc.c). {@code mem} is in pages, FRAG's {@code memory} in bytes.
 *
 * @param used the {@code sockets: used N} line (IPv4 file only)
 * @param protocols the other lines, in file order
 */
public record ProcNetSockstat(OptionalLong used, List<Protocol> protocols) {

  /** One {@code PROTO:} line; {@code values} in file order. */
  public record Protocol(String name, Map<String, Long> values) {}

  /** Parses the text of {@code file} ({@code /proc/net/sockstat} or {@code sockstat6}). */
  public static ProcNetSockstat parse(String file, String content) {
    OptionalLong used = OptionalLong.empty();
    List<Protocol> protocols = new ArrayList<>();
    String[] lines = content.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < 3 || f.length % 2 == 0 || !f[0].endsWith(":")) {
        throw error(file, i, "expected \"PROTO: key value ...\"", line);
      }
      Map<String, Long> values = new LinkedHashMap<>();
      for (int k = 1; k < f.length; k += 2) {
        try {
          values.put(f[k], Long.parseLong(f[k + 1]));
        } catch (NumberFormatException e) {
          throw error(file, i, "not a number \"" + f[k + 1] + "\"", line);
        }
      }
      String proto = f[0].substring(0, f[0].length() - 1);
      if (proto.equals("sockets")) {
        used = OptionalLong.of(values.getOrDefault("used", 0L));
      } else {
        protocols.add(new Protocol(proto, Map.copyOf(values)));
      }
    }
    return new ProcNetSockstat(used, List.copyOf(protocols));
  }

  private static IllegalArgumentException error(String file, int i, String what, String line) {
    return new IllegalArgumentException(
        file + " line " + (i + 1) + ": " + what + " in \"" + line + "\"");
  }
}
