package io.agentcollector.runtime.config;

import java.time.Duration;

/**
 * Durations written one way everywhere: check-config, the landing page, log lines. {@link #format}
 * writes what the config reads back ({@code 5s}, {@code 250ms}, {@code 90s}, {@code 2h}): typesafe
 * config takes one number and one unit, so {@code 1m30s} would not parse. {@link #age} is for
 * people only ({@code 3s}, {@code 1m5s}).
 */
public final class Durations {

  private static final long[] NANOS = {
    86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L
  };
  private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};

  private Durations() {}

  /** The largest unit that states {@code d} exactly, as a config value. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    if (d.isZero()) {
      return "0s";
    }
    // Seconds first: toNanos() overflows past 292 years, and a duration in whole seconds needs no
    // nanos.
    if (d.getNano() == 0) {
      long s = d.getSeconds();
      for (int i = 0; i < 3; i++) {
        if (s % (NANOS[i] / NANOS[3]) == 0) {
          return s / (NANOS[i] / NANOS[3]) + UNITS[i];
        }
      }
      return s + "s";
    }
    long n = d.toNanos();
    for (int i = 4; i < NANOS.length; i++) {
      if (n % NANOS[i] == 0) {
        return n / NANOS[i] + UNITS[i];
      }
    }
    return n + "ns";
  }

  /**
   * An age for people: whole seconds in composite form ({@code 0s}, {@code 3s}, {@code 1m5s},
   * {@code 2h}).
   */
  public static String age(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, d.toDaysPart(), "d");
    append(sb, d.toHoursPart(), "h");
    append(sb, d.toMinutesPart(), "m");
    append(sb, d.toSecondsPart(), "s");
    return sb.toString();
  }

  private static void append(StringBuilder sb, long value, String unit) {
    if (value != 0) {
      sb.append(value).append(unit);
    }
  }
}
