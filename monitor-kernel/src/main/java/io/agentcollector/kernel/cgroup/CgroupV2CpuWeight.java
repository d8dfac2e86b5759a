package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;

/**
 * {@code cpu.weight}: the cgroup's relative CPU weight, 1..10000, default 100
 * (https://docs.kernel.org/admin-guide/cgroup-v2.html#cpu-interface-files).
 *
 * @param weight the weight, 0 when the file is absent or out of range
 */
public record CgroupV2CpuWeight(long weight) {

  public static final CgroupV2CpuWeight NONE = new CgroupV2CpuWeight(0);

  public static CgroupV2CpuWeight parse(String content) {
    String s = content.strip();
    if (s.isEmpty()) {
      return NONE;
    }
    long w = Fields.number("cpu.weight", 1, s);
    return new CgroupV2CpuWeight(w < 1 || w > 10000 ? 0 : w);
  }

  /**
   * The v1 cpu.shares equivalent, cAdvisor's linear inverse of runc's old shares-to-weight map:
   * {@code container_spec_cpu_shares} must equal what cAdvisor reports, so integer arithmetic,
   * truncating, and 0 without a weight.
   */
  public long shares() {
    return weight == 0 ? 0 : 2 + ((weight - 1) * 262142) / 9999;
  }
}
