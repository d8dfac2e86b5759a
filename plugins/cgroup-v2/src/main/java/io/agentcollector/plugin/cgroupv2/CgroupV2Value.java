package io.agentcollector.plugin.cgroupv2;

/**
 * A single-value cgroup v2 file: a number, or {@code max} for "no limit" ({@code memory.current},
 * {@code memory.max}, {@code memory.min}, {@code memory.peak}, {@code memory.swap.*},
 * {@code pids.current}, {@code pids.max};
 * https://docs.kernel.org/admin-guide/cgroup-v2.html#format).
 *
 * @param value the number, or -1 for {@code max}
 */
record CgroupV2Value(long value) {

  static final long MAX = -1;

  static CgroupV2Value parse(String file, String content) {
    String s = content.strip();
    if (s.equals("max")) {
      return new CgroupV2Value(MAX);
    }
    if (s.isEmpty() || s.contains("\n")) {
      throw new IllegalArgumentException(file + " line 1: expected a number or \"max\", got \"" + s + "\"");
    }
    return new CgroupV2Value(FlatKeyed.number(file, 1, s));
  }

  boolean isMax() {
    return value == MAX;
  }
}
