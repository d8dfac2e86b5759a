package io.agentcollector.kernel.proc;

/**
 * Hexadecimal numbers of the {@code /proc/net} tables ({@code %08X}, {@code %02X}, {@code 0x%x}),
 * read in place. {@link Character#digit} would also take non-ASCII digits.
 */
final class Hex {

  private Hex() {}

  /** The value of the ASCII hex digit {@code c}, or -1. */
  static int digit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /**
   * {@code s[from, to)} as an unsigned number of 1 to {@code maxDigits} (at most 15) hex digits, no
   * sign or prefix; -1 if it is not one.
   */
  static long parse(CharSequence s, int from, int to, int maxDigits) {
    if (to <= from || to - from > maxDigits) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = digit(s.charAt(i));
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** {@link #parse(CharSequence, int, int, int)} of bytes (ISO-8859-1 text). */
  static long parse(byte[] b, int from, int to, int maxDigits) {
    if (to <= from || to - from > maxDigits) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = digit(b[i]);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }
}
