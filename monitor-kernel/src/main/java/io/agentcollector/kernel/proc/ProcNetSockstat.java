package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Names;
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

  /** Protocol names and keys: a few dozen, the same every cycle. */
  private static final Names NAMES = new Names(64);

  /** Parses the text of {@code file} ({@code /proc/net/sockstat} or {@code sockstat6}). */
  public static ProcNetSockstat parse(String file, String content) {
    OptionalLong used = OptionalLong.empty();
    List<Protocol> protocols = new ArrayList<>();
    Cursor c = new Cursor(content);
    while (c.nextLine()) {
      if (c.isBlank()) {
        continue;
      }
      int fields = c.fieldsLeft();
      c.nextField();
      if (fields < 3 || fields % 2 == 0 || !c.endsWith(':')) {
        throw error(file, c, "expected \"PROTO: key value ...\"");
      }
      String proto = NAMES.of(content, c.start(), c.end() - 1);
      Map<String, Long> values = new LinkedHashMap<>();
      while (c.nextField()) {
        String key = c.field(NAMES);
        c.nextField();
        try {
          values.put(key, c.longValue());
        } catch (NumberFormatException e) {
          throw error(file, c, "not a number \"" + c.field() + "\"");
        }
      }
      if (proto.equals("sockets")) {
        used = OptionalLong.of(values.getOrDefault("used", 0L));
      } else {
        protocols.add(new Protocol(proto, Map.copyOf(values)));
      }
    }
    return new ProcNetSockstat(used, List.copyOf(protocols));
  }

  private static IllegalArgumentException error(String file, Cursor c, String what) {
    return new IllegalArgumentException(
        file + " line " + c.lineNumber() + ": " + what + " in \"" + c.line() + "\"");
  }
}
