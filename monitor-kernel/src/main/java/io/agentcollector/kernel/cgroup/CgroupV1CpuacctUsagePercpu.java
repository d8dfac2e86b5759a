package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cpuacct.usage_percpu}: the cgroup's CPU time on each possible CPU, in nanoseconds, on one
 * line (https://docs.kernel.org/admin-guide/cgroup-v1/cpuacct.html). {@code cpuacct.usage} is the
 * sum over the same CPUs, so the total here saves reading that file.
 *
 * @param perCpuSeconds seconds per CPU, in CPU order; empty for an empty file
 * @param usageSeconds their sum
 */
public record CgroupV1CpuacctUsagePercpu(List<Double> perCpuSeconds, double usageSeconds) {

  /** The file counts nanoseconds. */
  private static final double NS_PER_SECOND = 1e9;

  public static CgroupV1CpuacctUsagePercpu parse(String content) {
    int end = content.indexOf('\n');
    end = end < 0 ? content.length() : end;
    if (!content.substring(end).isBlank()) {
      throw new IllegalArgumentException(
          "cpuacct.usage_percpu line 2: expected one line, got \"" + content.strip() + "\"");
    }
    List<Double> perCpu = new ArrayList<>();
    long total = 0;
    int i = Fields.skipSpace(content, 0, end);
    while (i < end) {
      int e = Fields.skipField(content, i, end);
      long ns = Fields.number("cpuacct.usage_percpu", 1, content, i, e);
      total += ns;
      perCpu.add(ns / NS_PER_SECOND);
      i = Fields.skipSpace(content, e, end);
    }
    return new CgroupV1CpuacctUsagePercpu(List.copyOf(perCpu), total / NS_PER_SECOND);
  }
}
