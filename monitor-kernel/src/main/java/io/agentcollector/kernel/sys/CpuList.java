package io.agentcollector.kernel.sys;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel CPU list such as {@code 0-3,5,7-8}, the format of {@code
 * /sys/devices/system/cpu/{online,possible,present,offline,isolated}}
 * (https://docs.kernel.org/admin-guide/cputopology.html) and of cpuset's {@code cpuset.cpus}:
 * comma-separated CPUs and inclusive ranges on one line. An empty file means none. Anything else
 * (spaces inside, a backwards range, a number that is no CPU) is refused.
 *
 * @param cpus the CPUs in the order listed
 */
public record CpuList(List<Integer> cpus) {

  /** A bound well above any real machine, so a corrupt range cannot make us allocate GBs. */
  private static final int MAX_CPU = 1 << 16;

  /** {@code file} names the file in messages, e.g. {@code /sys/devices/system/cpu/online}. */
  public static CpuList parse(String file, String content) {
    String list = content.strip();
    List<Integer> cpus = new ArrayList<>();
    for (String item : list.split(",")) {
      if (item.isEmpty() && list.isEmpty()) {
        continue;
      }
      int dash = item.indexOf('-');
      if (dash < 0) {
        cpus.add(cpu(file, item, list));
        continue;
      }
      int first = cpu(file, item.substring(0, dash), list);
      int last = cpu(file, item.substring(dash + 1), list);
      // A backwards range, or more CPUs than exist: a few bytes must not make us allocate GBs.
      if (last < first || cpus.size() + (last - first) >= MAX_CPU) {
        throw new IllegalArgumentException(
            file + " line 1: bad range \"" + item + "\" in \"" + list + "\"");
      }
      for (int c = first; c <= last; c++) {
        cpus.add(c);
      }
    }
    return new CpuList(List.copyOf(cpus));
  }

  /** How many CPUs the list names. */
  public int count() {
    return cpus.size();
  }

  private static int cpu(String file, String value, String list) {
    if (!value.isEmpty()
        && value.length() <= 6
        && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int c = Integer.parseInt(value);
      if (c < MAX_CPU) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        file + " line 1: bad CPU \"" + value + "\" in \"" + list + "\"");
  }
}
