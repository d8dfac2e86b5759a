package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;
import java.util.OptionalLong;

/**
 * {@code cpu.max}: {@code $MAX $PERIOD} in microseconds, {@code max} for no quota
 * (https://docs.kernel.org/admin-guide/cgroup-v2.html#cpu-interface-files).
 *
 * @param quotaMicros the quota per period, absent when {@code max}
 * @param periodMicros the period, 0 when the file gives none
 */
public record CgroupV2CpuMax(OptionalLong quotaMicros, long periodMicros) {

  public static final CgroupV2CpuMax NONE = new CgroupV2CpuMax(OptionalLong.empty(), 0);

  public static CgroupV2CpuMax parse(String content) {
    String s = content.strip();
    if (s.isEmpty()) {
      return NONE;
    }
    String[] f = Fields.split(s);
    // No field at all: control characters only, which String.strip keeps.
    if (f.length == 0 || f.length > 2) {
      throw new IllegalArgumentException(
          "cpu.max line 1: expected \"$MAX $PERIOD\", got \"" + s + "\"");
    }
    OptionalLong quota =
        f[0].equals("max")
            ? OptionalLong.empty()
            : OptionalLong.of(Fields.number("cpu.max", 1, f[0]));
    long period = f.length == 2 ? Fields.number("cpu.max", 1, f[1]) : 0;
    return new CgroupV2CpuMax(quota, period);
  }
}
