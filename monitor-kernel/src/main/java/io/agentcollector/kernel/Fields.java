package io.agentcollector.kernel;

import java.util.Arrays;

/**
 * Whitespace-separated fields of a line of a kernel file, as Go's {@code strings.Fields} splits
 * them, and numbers whose rejection names file, line and value. {@code String.split("\\s+")}
 * compiles a regular expression on every call, which adds up when a parser splits a few lines per
 * container per cycle.
 */
public final class Fields {

  private Fields() {}

  /** The fields of {@code s}: no empty strings, leading and trailing whitespace ignored. */
  public static String[] split(String s) {
    return split(s, 0, s.length());
  }

  /** The fields of {@code s} between {@code from} (inclusive) and {@code to} (exclusive). */
  public static String[] split(String s, int from, int to) {
    String[] out = new String[8];
    int n = 0;
    int i = from;
    while (i < to) {
      i = skipSpace(s, i, to);
      if (i == to) {
        break;
      }
      int start = i;
      i = skipField(s, i, to);
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = s.substring(start, i);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** The lines of {@code s} that are not blank: pids in cgroup.procs, say. */
  public static long countLines(String s) {
    long n = 0;
    boolean blank = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        n += blank ? 0 : 1;
        blank = true;
      } else if (!isSpace(c)) {
        blank = false;
      }
    }
    return n + (blank ? 0 : 1);
  }

  /**
   * Space, tab, newline and the other ASCII control characters: what kernel files separate fields
   * with. Cheaper than {@link Character#isWhitespace}, which looks up a Unicode table per char.
   */
  public static boolean isSpace(char c) {
    return c <= ' ';
  }

  /** The first index from {@code from} that is not a space, or {@code to}. */
  public static int skipSpace(String s, int from, int to) {
    int i = from;
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The first index from {@code from} that is a space, or {@code to}: the end of a field. */
  public static int skipField(String s, int from, int to) {
    int i = from;
    while (i < to && !isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A decimal number of a kernel file ({@link Long#parseLong} syntax); anything else is an {@link
   * IllegalArgumentException} naming file, line and value.
   */
  public static long number(String file, int line, String value) {
    return number(file, line, value, 0, value.length());
  }

  /** {@link #number(String, int, String)} of {@code s[from, to)}, without a substring. */
  public static long number(String file, int line, String s, int from, int to) {
    try {
      return Long.parseLong(s, from, to, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + " line " + line + ": not a number: \"" + s.substring(from, to) + "\"");
    }
  }

  /**
   * {@code s[from, to)} as {@link Double#parseDouble} reads it. A plain decimal integer of up to 18
   * digits, what kernel files hold, is read in place: the long it spells is exact, and converting
   * it rounds as parseDouble does.
   *
   * @throws NumberFormatException when it is no number
   */
  public static double decimal(String s, int from, int to) {
    int i = from;
    boolean negative = i < to && s.charAt(i) == '-';
    if (negative || i < to && s.charAt(i) == '+') {
      i++;
    }
    if (i == to || to - i > 18) {
      return Double.parseDouble(s.substring(from, to));
    }
    long v = 0;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Double.parseDouble(s.substring(from, to));
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -(double) v : v;
  }

  /** A counter the kernel prints unsigned (u64), up to 2^64-1: as Java's long, wrapped. */
  public static long unsigned(String file, int line, String s, int from, int to) {
    try {
      return Long.parseUnsignedLong(s, from, to, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + " line " + line + ": not a number: \"" + s.substring(from, to) + "\"");
    }
  }
}
