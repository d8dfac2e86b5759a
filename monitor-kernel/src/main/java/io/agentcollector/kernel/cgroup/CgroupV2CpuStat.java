package io.agentcollector.kernel.cgroup;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code cpu.stat} of a cgroup v2 directory
 * (https://docs.kernel.org/admin-guide/cgroup-v2.html#cpu-interface-files). {@code usage_usec},
 * {@code user_usec} and {@code system_usec} are always there; {@code nr_periods}, {@code
 * nr_throttled} and {@code throttled_usec} only when the cpu controller is enabled for the cgroup,
 * else they read 0 here.
 *
 * @param usageSeconds {@code usage_usec}
 * @param userSeconds {@code user_usec}
 * @param systemSeconds {@code system_usec}
 * @param periods {@code nr_periods}
 * @param throttledPeriods {@code nr_throttled}
 * @param throttledSeconds {@code throttled_usec}
 * @param burstPeriods {@code nr_bursts} (kernel >= 5.14), absent on older kernels
 * @param burstSeconds {@code burst_usec}
 */
public record CgroupV2CpuStat(
    double usageSeconds,
    double userSeconds,
    double systemSeconds,
    long periods,
    long throttledPeriods,
    double throttledSeconds,
    OptionalLong burstPeriods,
    OptionalDouble burstSeconds) {

  /** The kernel counts CPU time in this file in microseconds. */
  private static final double USEC_PER_SECOND = 1e6;

  public static CgroupV2CpuStat parse(String content) {
    FlatKeyed k = FlatKeyed.parse("cpu.stat", content);
    return new CgroupV2CpuStat(
        k.get("usage_usec") / USEC_PER_SECOND,
        k.get("user_usec") / USEC_PER_SECOND,
        k.get("system_usec") / USEC_PER_SECOND,
        k.get("nr_periods"),
        k.get("nr_throttled"),
        k.get("throttled_usec") / USEC_PER_SECOND,
        k.has("nr_bursts") ? OptionalLong.of(k.get("nr_bursts")) : OptionalLong.empty(),
        k.has("burst_usec")
            ? OptionalDouble.of(k.get("burst_usec") / USEC_PER_SECOND)
            : OptionalDouble.empty());
  }
}
