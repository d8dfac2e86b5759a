package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code io.stat}: one line per device with I/O, {@code MAJ:MIN rbytes=.. wbytes=.. rios=.. wios=..
 * dbytes=.. dios=..} (https://docs.kernel.org/admin-guide/cgroup-v2.html#io-interface-files).
 * Discard counters and the keys io.cost and io.latency append ({@code cost.vrate}, {@code avg_lat},
 * …) are ignored.
 */
public record CgroupV2IoStat(List<Device> devices) {

  /** Cumulative bytes and operations of one device. */
  public record Device(
      int major, int minor, long readBytes, long writeBytes, long reads, long writes) {}

  public static CgroupV2IoStat parse(String content) {
    List<Device> out = new ArrayList<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      // Blank by Fields' measure (control characters too), not String.isBlank's.
      String[] f = Fields.split(line);
      if (f.length == 0) {
        continue;
      }
      String[] mm = f[0].split(":");
      if (mm.length != 2) {
        throw new IllegalArgumentException(
            "io.stat line " + n + ": expected MAJ:MIN, got \"" + f[0] + "\"");
      }
      int major = (int) Fields.number("io.stat", n, mm[0]);
      int minor = (int) Fields.number("io.stat", n, mm[1]);
      long rbytes = 0;
      long wbytes = 0;
      long rios = 0;
      long wios = 0;
      for (int i = 1; i < f.length; i++) {
        int eq = f[i].indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "io.stat line " + n + ": expected key=value, got \"" + f[i] + "\"");
        }
        String key = f[i].substring(0, eq);
        String value = f[i].substring(eq + 1);
        switch (key) {
          case "rbytes" -> rbytes = Fields.number("io.stat", n, value);
          case "wbytes" -> wbytes = Fields.number("io.stat", n, value);
          case "rios" -> rios = Fields.number("io.stat", n, value);
          case "wios" -> wios = Fields.number("io.stat", n, value);
          default -> {
            // dbytes, dios, cost.*, avg_lat, …: not container_fs_* sources.
          }
        }
      }
      out.add(new Device(major, minor, rbytes, wbytes, rios, wios));
    }
    return new CgroupV2IoStat(List.copyOf(out));
  }
}
