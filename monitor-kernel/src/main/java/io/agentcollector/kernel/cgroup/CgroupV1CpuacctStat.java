package io.agentcollector.kernel.cgroup;

/**
 * {@code cpuacct.stat}: {@code user} and {@code system} CPU time of the cgroup's tasks
 * (https://docs.kernel.org/admin-guide/cgroup-v1/cpuacct.html), in seconds.
 */
public record CgroupV1CpuacctStat(double userSeconds, double systemSeconds) {

  /** The file counts USER_HZ ticks, 100 per second on Linux whatever CONFIG_HZ is. */
  public static final double USER_HZ = 100;

  public static CgroupV1CpuacctStat parse(String content) {
    FlatKeyed k = FlatKeyed.parse("cpuacct.stat", content);
    return new CgroupV1CpuacctStat(k.get("user") / USER_HZ, k.get("system") / USER_HZ);
  }
}
