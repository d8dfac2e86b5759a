package io.agentcollector.kernel.cgroup;

/**
 * {@code cpu.stat} of a cgroup v1 cpu directory: CFS bandwidth statistics
 * (https://docs.kernel.org/scheduler/sched-bwc.html, "Statistics").
 *
 * @param periods {@code nr_periods}, enforcement intervals elapsed
 * @param throttledPeriods {@code nr_throttled}, intervals in which the group was throttled
 * @param throttledSeconds {@code throttled_time}, total time throttled
 */
public record CgroupV1CpuStat(long periods, long throttledPeriods, double throttledSeconds) {

  /** {@code throttled_time} counts nanoseconds. */
  private static final double NS_PER_SECOND = 1e9;

  public static CgroupV1CpuStat parse(String content) {
    FlatKeyed k = FlatKeyed.parse("cpu.stat", content);
    return new CgroupV1CpuStat(
        k.get("nr_periods"), k.get("nr_throttled"), k.get("throttled_time") / NS_PER_SECOND);
  }
}
