package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;

/**
 * A single-value cgroup file: a number, or {@code max} for "no limit". cgroup v2's {@code
 * memory.current}, {@code memory.max}, {@code memory.min}, {@code memory.peak}, {@code
 * memory.swap.*}, {@code pids.current}, {@code pids.max}
 * (https://docs.kernel.org/admin-guide/cgroup-v2.html#format); cgroup v1's {@code
 * memory.*_in_bytes}, {@code memory.failcnt}, {@code cpuacct.usage}, {@code cpu.cfs_*_us} (-1: no
 * quota), {@code cpu.shares} and {@code pids.*}. Exactly one value on one line: an empty file is
 * refused, not read as 0.
 *
 * @param value the number, or -1 for {@code max}
 * @param isMax whether the file said {@code max}
 */
public record CgroupValue(long value, boolean isMax) {

  public static final CgroupValue MAX = new CgroupValue(-1, true);

  public static CgroupValue parse(String file, String content) {
    String s = content.strip();
    if (s.equals("max")) {
      return MAX;
    }
    if (s.isEmpty() || s.contains("\n")) {
      throw new IllegalArgumentException(
          file + " line 1: expected a number or \"max\", got \"" + s + "\"");
    }
    return new CgroupValue(Fields.number(file, 1, s), false);
  }

  /** The number; {@code ifMax} when the file said {@code max}. */
  public long orIfMax(long ifMax) {
    return isMax ? ifMax : value;
  }
}
