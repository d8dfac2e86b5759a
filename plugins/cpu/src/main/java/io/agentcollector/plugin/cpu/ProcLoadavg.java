package io.agentcollector.plugin.cpu;

/** {@code /proc/loadavg}: {@code 0.54 0.20 0.07 1/90 6650}; the first three fields are used. */
record ProcLoadavg(double load1, double load5, double load15) {

  static ProcLoadavg parse(String content) {
    String[] f = content.strip().split("\\s+");
    if (f.length < 3) {
      throw new IllegalArgumentException("/proc/loadavg: expected 3 load averages, got \"" + content.strip() + "\"");
    }
    try {
      return new ProcLoadavg(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("/proc/loadavg: not a number in \"" + content.strip() + "\"");
    }
  }
}
