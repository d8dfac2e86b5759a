package io.agentcollector.kernel.proc;

/**
 * {@code /proc/loadavg} (https://docs.kernel.org/filesystems/proc.html#kernel-data), e.g. {@code
 * 0.54 0.20 0.07 1/90 6650}: the 1, 5 and 15 minute load averages are used, as node_exporter does;
 * the running/total tasks and last PID fields are ignored.
 */
public record ProcLoadavg(double load1, double load5, double load15) {

  /** Parses the file's text. */
  public static ProcLoadavg parse(String content) {
    String line = content.strip();
    String[] f = line.split("\\s+");
    if (f.length < 3) {
      throw new IllegalArgumentException(
          "/proc/loadavg line 1: expected 3 load averages in \"" + line + "\"");
    }
    return new ProcLoadavg(load(f[0], line), load(f[1], line), load(f[2], line));
  }

  private static double load(String value, String line) {
    try {
      double v = Double.parseDouble(value);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "/proc/loadavg line 1: bad value \"" + value + "\" in \"" + line + "\"");
  }
}
