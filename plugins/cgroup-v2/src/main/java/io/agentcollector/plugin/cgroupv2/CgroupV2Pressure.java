package io.agentcollector.plugin.cgroupv2;

import io.agentcollector.api.Fields;
import io.agentcollector.api.container.ContainerStats;

/**
 * A {@code cpu.pressure}, {@code memory.pressure} or {@code io.pressure} file (PSI,
 * https://docs.kernel.org/accounting/psi.html): lines {@code some|full avg10=.. avg60=.. avg300=..
 * total=<usec>}. Only the {@code total} counters are kept; the averages are the kernel's own
 * smoothing, which Prometheus' rate() replaces. Unknown keys and lines are ignored.
 */
final class CgroupV2Pressure {

  private static final double USEC_PER_SECOND = 1e6;

  private CgroupV2Pressure() {}

  static ContainerStats.Pressure parse(String file, String content) {
    double some = 0;
    double full = 0;
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      String[] f = Fields.split(line);
      if (f.length < 2 || !(f[0].equals("some") || f[0].equals("full"))) {
        continue;
      }
      for (int i = 1; i < f.length; i++) {
        if (f[i].startsWith("total=")) {
          double seconds = FlatKeyed.number(file, n, f[i].substring("total=".length())) / USEC_PER_SECOND;
          if (f[0].equals("some")) {
            some = seconds;
          } else {
            full = seconds;
          }
        }
      }
    }
    return new ContainerStats.Pressure(some, full);
  }
}
