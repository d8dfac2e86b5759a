package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;

/**
 * {@code /proc/net/ip_vs_stats} (IPVS, {@code net/netfilter/ipvs/ip_vs_ctl.c}): after two header
 * lines, the totals since the module was loaded, in hex: connections, incoming and outgoing
 * packets, incoming and outgoing bytes. The rates after them are ignored. A file with fewer lines,
 * or a totals line without exactly five hex values, is refused.
 *
 * @param connections u64 values wrapped into longs, as all below
 */
public record ProcNetIpVsStats(
    long connections,
    long incomingPackets,
    long outgoingPackets,
    long incomingBytes,
    long outgoingBytes) {

  private static final String FILE = "/proc/net/ip_vs_stats";

  /** Parses the file's text. */
  public static ProcNetIpVsStats parse(String content) {
    int first = content.indexOf('\n');
    int second = first < 0 ? -1 : content.indexOf('\n', first + 1);
    int third = second < 0 ? -1 : content.indexOf('\n', second + 1);
    if (third < 0) {
      throw new IllegalArgumentException(
          FILE + ": fewer than 3 lines, the file is cut short or no ip_vs_stats");
    }
    String line = content.substring(second + 1, third);
    String[] f = Fields.split(line);
    if (f.length != 5) {
      throw new IllegalArgumentException(
          FILE + " line 3: " + f.length + " values, expected 5: \"" + line + "\"");
    }
    return new ProcNetIpVsStats(
        hex(f[0], line), hex(f[1], line), hex(f[2], line), hex(f[3], line), hex(f[4], line));
  }

  private static long hex(String value, String line) {
    try {
      if (value.charAt(0) == '+' || value.charAt(0) == '-') {
        throw new NumberFormatException();
      }
      return Long.parseUnsignedLong(value, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          FILE + " line 3: not a hex number: \"" + value + "\" in \"" + line + "\"");
    }
  }
}
