package io.agentcollector.kernel.proc;

/**
 * An address and port as {@code /proc/net/ip_vs} prints them: {@code C0A80016:0CEA} (IPv4, hex) or
 * {@code [2620:0000:0000:0000:0000:0000:0000:0001]:0050} (IPv6), the address written as Go's {@code
 * net.IP.String} writes it: dotted IPv4, IPv6 in RFC 5952 form, an IPv4-mapped IPv6 address as
 * IPv4.
 */
record IpPort(String address, int port) {

  private static final int V4_LENGTH = 13;
  private static final int V6_LENGTH = 46;

  static IpPort parse(String file, int lineNo, String s) {
    String address;
    if (s.length() == V4_LENGTH && s.charAt(8) == ':') {
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) hex(file, lineNo, s, i * 2, i * 2 + 2);
      }
      address = v4(b, 0);
    } else if (s.length() == V6_LENGTH
        && s.charAt(0) == '['
        && s.charAt(40) == ']'
        && s.charAt(41) == ':') {
      address = v6(file, lineNo, s);
    } else {
      throw new IllegalArgumentException(
          file + " line " + lineNo + ": not an address:port: \"" + s + "\"");
    }
    return new IpPort(address, hex(file, lineNo, s, s.length() - 4, s.length()));
  }

  /** The eight groups of {@code [xxxx:...:xxxx]}, each 1 to 4 hex digits. */
  private static String v6(String file, int lineNo, String s) {
    byte[] b = new byte[16];
    int group = 0;
    int from = 1;
    for (int i = 1; i <= 40; i++) {
      if (i == 40 || s.charAt(i) == ':') {
        if (group == 8 || i - from < 1 || i - from > 4) {
          throw new IllegalArgumentException(
              file + " line " + lineNo + ": not an IPv6 address: \"" + s + "\"");
        }
        int v = hex(file, lineNo, s, from, i);
        b[group * 2] = (byte) (v >> 8);
        b[group * 2 + 1] = (byte) v;
        group++;
        from = i + 1;
      }
    }
    if (group != 8) {
      throw new IllegalArgumentException(
          file + " line " + lineNo + ": not an IPv6 address: \"" + s + "\"");
    }
    return format(b);
  }

  /** Go's net.IP.String of 16 bytes. */
  static String format(byte[] b) {
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
      return v4(b, 12);
    }
    // The longest run of two or more zero groups (the first of equal ones) becomes "::".
    int bestStart = -1;
    int bestLen = 1;
    for (int g = 0; g < 8; ) {
      int e = g;
      while (e < 8 && b[e * 2] == 0 && b[e * 2 + 1] == 0) {
        e++;
      }
      if (e - g > bestLen) {
        bestStart = g;
        bestLen = e - g;
      }
      g = e == g ? g + 1 : e;
    }
    StringBuilder out = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(((b[g * 2] & 0xff) << 8) | (b[g * 2 + 1] & 0xff)));
    }
    return out.toString();
  }

  private static String v4(byte[] b, int at) {
    return (b[at] & 0xff)
        + "."
        + (b[at + 1] & 0xff)
        + "."
        + (b[at + 2] & 0xff)
        + "."
        + (b[at + 3] & 0xff);
  }

  private static int hex(String file, int lineNo, String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') {
        throw new IllegalArgumentException(
            file
                + " line "
                + lineNo
                + ": not hex: \""
                + s.substring(from, to)
                + "\" in \""
                + s
                + "\"");
      }
      v = v * 16 + d;
    }
    return v;
  }
}
