package io.agentcollector.runtime.config;

import java.time.Duration;

/**
 * Durations written the way the config writes them ({@code 5s}, {@code 250ms}, {@code 1m30s},
 * {@code 2h}), so a value reads the same in the file, in check-config, on the landing page and in
 * log lines.
 */
public final class Durations {

  private Durations() {}

  /** Largest units first, zero parts left out; below a millisecond in {@code us}/{@code ns}. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    if (d.isZero()) {
      return "0s";
    }
    long nanos = d.getNano() % 1_000_000;
    if (d.toMillis() == 0) {
      return nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, d.toDaysPart(), "d");
    append(sb, d.toHoursPart(), "h");
    append(sb, d.toMinutesPart(), "m");
    append(sb, d.toSecondsPart(), "s");
    append(sb, d.toMillisPart(), "ms");
    return sb.toString();
  }

  /** An age for people: whole seconds ({@code 3s}, {@code 1m5s}), milliseconds only below 1 s. */
  public static String age(Duration d) {
    return d.compareTo(Duration.ofSeconds(1)) < 0 ? format(d.withNanos(d.getNano() / 1_000_000 * 1_000_000))
        : format(Duration.ofSeconds(d.getSeconds()));
  }

  private static void append(StringBuilder sb, long value, String unit) {
    if (value != 0) {
      sb.append(value).append(unit);
    }
  }
}
