package io.agentcollector.plugin.disk;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/diskstats} (https://docs.kernel.org/admin-guide/iostats.html): major, minor, name,
 * then 11 counters, 15 since Linux 4.18 (discards) or 17 since 5.5 (flushes). Columns beyond the
 * known 17 are ignored.
 *
 * @param counters the counters present, in the kernel's order (11, 15 or 17 of them)
 */
record ProcDiskstats(List<Device> devices) {

  record Device(int major, int minor, String name, long[] counters) {}

  static ProcDiskstats parse(String content) {
    List<Device> out = new ArrayList<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      if (f.length < 14) {
        throw new IllegalArgumentException("/proc/diskstats line " + n + ": " + f.length + " fields, expected 14 or more: \"" + line.strip() + "\"");
      }
      int count = Math.min(f.length - 3, 17);
      long[] counters = new long[count];
      try {
        for (int i = 0; i < count; i++) {
          counters[i] = Long.parseUnsignedLong(f[i + 3]);
        }
        out.add(new Device(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], counters));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("/proc/diskstats line " + n + ": not a number in \"" + line.strip() + "\"");
      }
    }
    return new ProcDiskstats(List.copyOf(out));
  }
}
