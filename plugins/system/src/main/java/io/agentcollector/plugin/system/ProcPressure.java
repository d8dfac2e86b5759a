package io.agentcollector.plugin.system;

import java.util.OptionalDouble;

/**
 * One file of {@code /proc/pressure/} ({@code cpu}, {@code io}, {@code memory}): lines {@code some
 * avg10=.. avg60=.. avg300=.. total=<µs>} and {@code full ...}
 * (https://docs.kernel.org/accounting/psi.html). Only the totals are kept; unknown lines and keys
 * are ignored.
 *
 * @param someSeconds total time at least one task stalled, in seconds
 * @param fullSeconds total time all non-idle tasks stalled at once, in seconds (absent for cpu
 *     before 5.13)
 */
record ProcPressure(OptionalDouble someSeconds, OptionalDouble fullSeconds) {

  static ProcPressure parse(String resource, String content) {
    OptionalDouble some = OptionalDouble.empty();
    OptionalDouble full = OptionalDouble.empty();
    String[] lines = content.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String[] f = line.split("\\s+");
      if (!f[0].equals("some") && !f[0].equals("full")) {
        continue;
      }
      OptionalDouble total = OptionalDouble.empty();
      for (int k = 1; k < f.length; k++) {
        if (f[k].startsWith("total=")) {
          try {
            // µs -> s, divided twice like node_exporter so values are identical to the last bit.
            total = OptionalDouble.of(Long.parseLong(f[k].substring(6)) / 1000.0 / 1000.0);
          } catch (NumberFormatException e) {
            throw malformed(resource, i, line);
          }
        }
      }
      if (total.isEmpty()) {
        throw malformed(resource, i, line);
      }
      if (f[0].equals("some")) {
        some = total;
      } else {
        full = total;
      }
    }
    return new ProcPressure(some, full);
  }

  private static IllegalArgumentException malformed(String resource, int index, String line) {
    return new IllegalArgumentException(
        "/proc/pressure/"
            + resource
            + " line "
            + (index + 1)
            + ": no total=<number> in \""
            + line
            + "\"");
  }
}
