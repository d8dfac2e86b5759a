package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;

/**
 * The text of bcache's sysfs attributes (drivers/md/bcache/sysfs.c): plain numbers, sizes that
 * {@code bch_hprint} writes as at most three digits, a point, one digit and a unit letter ({@code
 * 1.5M}: the digit is tenths of 1024, not of 1000), and the multi-line {@code writeback_rate_debug}
 * and {@code priority_stats}. Turned into numbers as procfs 0.8.0 does, so values equal
 * node_exporter 1.5.0's: the digit after the point counts 1/10.24 of the unit.
 */
public final class BcacheValues {

  private static final String UNITS = "kMGTPEZY";

  private BcacheValues() {}

  /** A plain or humanized value ({@code 512}, {@code 1.5M}, {@code 0.0k}). */
  public static long dehumanize(String file, String text) {
    if (text.isEmpty()) {
      throw bad(file, text);
    }
    char last = text.charAt(text.length() - 1);
    if (last <= '9') {
      return (long) decimal(file, text, text, true);
    }
    int unit = UNITS.indexOf(last);
    if (unit < 0) {
      throw bad(file, text);
    }
    String mantissa = text.substring(0, text.length() - 1);
    int dot = mantissa.indexOf('.');
    double value =
        dot < 0
            ? decimal(file, mantissa, text, false)
            : decimal(file, mantissa.substring(0, dot), text, false)
                + decimal(file, mantissa.substring(dot + 1), text, false) / 10.24;
    return (long) (value * Math.pow(1024, unit + 1));
  }

  /** {@link #dehumanize} of a value that may start with {@code -}. */
  public static long dehumanizeSigned(String file, String text) {
    return text.startsWith("-") ? -dehumanize(file, text.substring(1)) : dehumanize(file, text);
  }

  /**
   * {@code writeback_rate_debug}: rate (per second), dirty, target, proportional, integral, change
   * (per second), in bytes; the last three may be negative. {@code next io} and unknown lines are
   * not kept; a missing line is 0.
   */
  public static long[] writebackRateDebug(String file, String content) {
    long[] v = new long[6];
    for (int start = 0; start < content.length(); ) {
      int end = content.indexOf('\n', start);
      end = end < 0 ? content.length() : end;
      String line = content.substring(start, end);
      start = end + 1;
      int slot = slot(line);
      if (slot >= 0) {
        String value = lastField(line);
        if (value.endsWith("/sec")) {
          value = value.substring(0, value.length() - 4);
        }
        v[slot] = slot >= 3 ? dehumanizeSigned(file, value) : dehumanize(file, value);
      }
    }
    return v;
  }

  /** {@code priority_stats}: the Unused and Metadata percentages; 0 where a line is missing. */
  public static long[] priorityStats(String file, String content) {
    long[] v = new long[2];
    for (int start = 0; start < content.length(); ) {
      int end = content.indexOf('\n', start);
      end = end < 0 ? content.length() : end;
      String line = content.substring(start, end);
      start = end + 1;
      int slot = line.startsWith("Unused:") ? 0 : line.startsWith("Metadata:") ? 1 : -1;
      if (slot >= 0) {
        String value = lastField(line);
        value = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
        v[slot] = Fields.unsigned(file, 1, value, 0, value.length());
      }
    }
    return v;
  }

  private static int slot(String line) {
    String[] keys = {"rate:", "dirty:", "target:", "proportional:", "integral:", "change:"};
    for (int i = 0; i < keys.length; i++) {
      if (line.startsWith(keys[i])) {
        return i;
      }
    }
    return -1;
  }

  private static String lastField(String line) {
    int end = line.length();
    while (end > 0 && Fields.isSpace(line.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !Fields.isSpace(line.charAt(start - 1))) {
      start--;
    }
    return line.substring(start, end);
  }

  /** Digits, with at most one point if allowed: what bcache writes (Go's ParseFloat takes more). */
  private static double decimal(String file, String s, String whole, boolean point) {
    boolean digit = false;
    boolean dot = !point;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        throw bad(file, whole);
      }
    }
    if (!digit) {
      throw bad(file, whole);
    }
    return Double.parseDouble(s);
  }

  private static IllegalArgumentException bad(String file, String text) {
    return new IllegalArgumentException(file + ": not a bcache value: \"" + text + "\"");
  }
}
