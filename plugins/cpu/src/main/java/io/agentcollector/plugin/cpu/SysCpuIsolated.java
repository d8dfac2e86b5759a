package io.agentcollector.plugin.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sys/devices/system/cpu/isolated} (https://docs.kernel.org/admin-guide/cputopology.html):
 * the CPUs isolated from the scheduler ({@code isolcpus=}), as a CPU list such as {@code 2-3,6}; an
 * empty file means none.
 */
record SysCpuIsolated(List<Integer> cpus) {

  /** A bound well above any real machine, so a corrupt range cannot make us allocate GBs. */
  private static final int MAX_CPU = 1 << 16;

  static SysCpuIsolated parse(String content) {
    String list = content.strip();
    List<Integer> cpus = new ArrayList<>();
    for (String item : list.split(",")) {
      if (item.isEmpty()) {
        continue;
      }
      int dash = item.indexOf('-');
      if (dash < 0) {
        cpus.add(cpu(item, list));
        continue;
      }
      int first = cpu(item.substring(0, dash), list);
      int last = cpu(item.substring(dash + 1), list);
      // A backwards range, or more CPUs than exist: a few bytes must not make us allocate GBs.
      if (last < first || cpus.size() + (last - first) >= MAX_CPU) {
        throw new IllegalArgumentException(
            "/sys/devices/system/cpu/isolated line 1: bad range \"" + item + "\" in \"" + list + "\"");
      }
      for (int c = first; c <= last; c++) {
        cpus.add(c);
      }
    }
    return new SysCpuIsolated(List.copyOf(cpus));
  }

  private static int cpu(String value, String list) {
    if (!value.isEmpty() && value.length() <= 6 && value.chars().allMatch(Character::isDigit)) {
      int c = Integer.parseInt(value);
      if (c < MAX_CPU) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "/sys/devices/system/cpu/isolated line 1: bad CPU \"" + value + "\" in \"" + list + "\"");
  }
}
