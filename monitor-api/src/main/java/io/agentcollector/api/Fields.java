package io.agentcollector.api;

import java.util.Arrays;

/**
 * Whitespace-separated fields of a line of a kernel file, as Go's {@code strings.Fields} splits
 * them. {@code String.split("\\s+")} compiles a regular expression on every call, which adds up
 * when a collector splits a few lines per container per cycle.
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
      while (i < to && isSpace(s.charAt(i))) {
        i++;
      }
      if (i == to) {
        break;
      }
      int start = i;
      while (i < to && !isSpace(s.charAt(i))) {
        i++;
      }
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
}
