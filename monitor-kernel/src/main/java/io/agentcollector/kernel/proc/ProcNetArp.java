package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/net/arp}: the IPv4 neighbour table, a header line, then one entry per line: {@code
 * IP-address HW-type Flags HW-address Mask Device} (net/ipv4/arp.c, arp_format_neigh_entry; the
 * columns of arp(8)). Kept is what node_exporter's arp collector counts: entries per device, the
 * device being the last column; every line needs the six columns and hexadecimal {@code 0x} type
 * and flags.
 *
 * @param entriesByDevice entries per device, in the order the devices first appear
 */
public record ProcNetArp(Map<String, Long> entriesByDevice) {

  private static final String FILE = "/proc/net/arp";

  /** Parses the file's text. */
  public static ProcNetArp parse(String content) {
    Map<String, Long> out = new LinkedHashMap<>();
    String device = "";
    int n = 0;
    int pos = 0;
    while (pos < content.length()) {
      int end = content.indexOf('\n', pos);
      end = end < 0 ? content.length() : end;
      n++;
      int from = Fields.skipSpace(content, pos, end);
      if (from < end && !isHeader(content, from, end)) {
        device = entry(n, content, from, end, device);
        out.merge(device, 1L, Long::sum);
      }
      pos = end + 1;
    }
    return new ProcNetArp(Collections.unmodifiableMap(out));
  }

  /** The header's first column is "IP" (node_exporter skips every such line). */
  private static boolean isHeader(String s, int from, int end) {
    return Fields.skipField(s, from, end) == from + 2 && s.startsWith("IP", from);
  }

  /** Checks one entry line; its device, reusing {@code previous} when it is the same name. */
  private static String entry(int n, String s, int from, int end, String previous) {
    int fields = 0;
    int last = from;
    int i = from;
    while (i < end) {
      int e = Fields.skipField(s, i, end);
      fields++;
      if ((fields == 2 || fields == 3) && !isHex(s, i, e)) {
        throw new IllegalArgumentException(
            FILE + " line " + n + ": not a 0x number: \"" + s.substring(i, e) + "\"");
      }
      last = i;
      i = Fields.skipSpace(s, e, end);
    }
    if (fields < 6) {
      throw new IllegalArgumentException(
          FILE
              + " line "
              + n
              + ": expected \"IP type flags address mask device\", got \""
              + s.substring(from, end).strip()
              + "\"");
    }
    int deviceEnd = Fields.skipField(s, last, end);
    int length = deviceEnd - last;
    // A table is mostly entries of few devices: one String per device, not one per line.
    if (previous.length() == length && s.regionMatches(last, previous, 0, length)) {
      return previous;
    }
    return s.substring(last, deviceEnd);
  }

  private static boolean isHex(String s, int from, int to) {
    return to - from > 2 && s.startsWith("0x", from) && Hex.parse(s, from + 2, to, 8) >= 0;
  }
}
