package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;

/**
 * {@code /proc/loadavg} (https://docs.kernel.org/filesystems/proc.html#kernel-data), e.g. {@code
 * 0.54 0.20 0.07 1/90 6650}: the 1, 5 and 15 minute load averages are used, as node_exporter does;
 * the running/total tasks and last PID fields are ignored.
 *
 * <p>A file cut short is refused, never read as a smaller load: every kernel writes the five fields
 * and a final newline, so any prefix of a real file lacks one of them ({@code 0.54 0.20 0.0} would
 * otherwise read as a 15 minute load of 0).
 */
public record ProcLoadavg(double load1, double load5, double load15) {

  /** Three load averages, running/total tasks and the last PID. */
  private static final int FIELDS = 5;

  /** Parses the file's text. */
  public static ProcLoadavg parse(String content) {
    if (!content.endsWith("\n")) {
      throw new IllegalArgumentException(
          "/proc/loadavg: no newline at the end, the file is cut short");
    }
    Cursor c = Cursor.overWhole(content);
    c.nextLine();
    int fields = c.fieldsLeft();
    if (fields < FIELDS) {
      throw new IllegalArgumentException(
          "/proc/loadavg line 1: "
              + fields
              + " fields, expected "
              + FIELDS
              + " (the file is cut short): \""
              + c.line()
              + "\"");
    }
    return new ProcLoadavg(load(c), load(c), load(c));
  }

  /** The next field, a load average. */
  private static double load(Cursor c) {
    c.nextField();
    try {
      double v = c.doubleValue();
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "/proc/loadavg line 1: bad value \"" + c.field() + "\" in \"" + c.line() + "\"");
  }
}
