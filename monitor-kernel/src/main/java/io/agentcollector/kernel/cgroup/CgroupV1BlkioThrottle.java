package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code blkio.throttle.io_service_bytes[_recursive]} and {@code …io_serviced[_recursive]}: lines
 * {@code MAJ:MIN Op value} with Op in Read, Write, Sync, Async, Discard, Total, and a last {@code
 * Total value} line (https://www.kernel.org/doc/Documentation/cgroup-v1/blkio-controller.txt). Only
 * Read and Write per device are kept.
 */
public record CgroupV1BlkioThrottle(Map<String, long[]> readWriteByDevice) {

  private static final Pattern DEVICE = Pattern.compile("[0-9]{1,9}:[0-9]{1,9}");

  public static CgroupV1BlkioThrottle parse(String file, String content) {
    Map<String, long[]> out = new LinkedHashMap<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      String[] f = Fields.split(line);
      if (line.isBlank() || f.length == 2 && f[0].equals("Total")) {
        continue;
      }
      // The reader turns MAJ:MIN into two ints: anything else is refused here, with the line.
      if (f.length != 3 || !DEVICE.matcher(f[0]).matches()) {
        throw new IllegalArgumentException(
            file + " line " + n + ": expected \"MAJ:MIN Op value\", got \"" + line + "\"");
      }
      long[] rw = out.computeIfAbsent(f[0], k -> new long[2]);
      try {
        switch (f[1]) {
          case "Read" -> rw[0] = Long.parseLong(f[2]);
          case "Write" -> rw[1] = Long.parseLong(f[2]);
          default -> {}
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " line " + n + ": no number in \"" + line + "\"");
      }
    }
    return new CgroupV1BlkioThrottle(out);
  }
}
