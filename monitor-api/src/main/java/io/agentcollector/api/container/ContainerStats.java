package io.agentcollector.api.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One reading of a container's cgroup, in base units (seconds, bytes). Values a cgroup version does
 * not have are 0, as cAdvisor reports them; the CPU quota is the exception (absent = no quota).
 */
public record ContainerStats(
    Cpu cpu, Memory memory, List<BlockDevice> blockIo, Pids pids, Extra extra) {

  public ContainerStats {
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    blockIo = List.copyOf(blockIo);
    Objects.requireNonNull(pids, "pids");
    extra = extra == null ? Extra.NONE : extra;
  }

  /** Stats without the newer kernel interfaces of {@link Extra}. */
  public ContainerStats(Cpu cpu, Memory memory, List<BlockDevice> blockIo, Pids pids) {
    this(cpu, memory, blockIo, pids, Extra.NONE);
  }

  /**
   * What only newer kernels and cgroup v2 provide; each part is absent where the host lacks it, and
   * then its metrics are not exposed at all (as cAdvisor does), rather than as 0.
   *
   * @param burstPeriods cpu.stat {@code nr_bursts}
   * @param burstSeconds cpu.stat {@code burst_usec}
   * @param memoryHighEvents memory.events {@code high}: times reclaim was forced by memory.high
   * @param memoryMaxEvents memory.events {@code max}: times usage hit memory.max
   * @param cpuPressure cpu.pressure (PSI)
   * @param memoryPressure memory.pressure
   * @param ioPressure io.pressure
   */
  public record Extra(
      OptionalLong burstPeriods,
      OptionalDouble burstSeconds,
      OptionalLong memoryHighEvents,
      OptionalLong memoryMaxEvents,
      Optional<Pressure> cpuPressure,
      Optional<Pressure> memoryPressure,
      Optional<Pressure> ioPressure) {

    public static final Extra NONE =
        new Extra(
            OptionalLong.empty(),
            OptionalDouble.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public Extra {
      Objects.requireNonNull(burstPeriods, "burstPeriods");
      Objects.requireNonNull(burstSeconds, "burstSeconds");
      Objects.requireNonNull(memoryHighEvents, "memoryHighEvents");
      Objects.requireNonNull(memoryMaxEvents, "memoryMaxEvents");
      Objects.requireNonNull(cpuPressure, "cpuPressure");
      Objects.requireNonNull(memoryPressure, "memoryPressure");
      Objects.requireNonNull(ioPressure, "ioPressure");
    }
  }

  /**
   * Pressure stall totals of one resource.
   *
   * @param waitingSeconds the {@code some} line's {@code total}: time at least one task waited
   * @param stalledSeconds the {@code full} line's {@code total}: time no task could progress (the
   *     kernel writes 0 for CPU in a cgroup before 5.13 or lacks the line)
   */
  public record Pressure(double waitingSeconds, double stalledSeconds) {}

  /**
   * @param usageSeconds total CPU time (v1 cpuacct.usage, v2 cpu.stat usage_usec)
   * @param perCpuSeconds per CPU, index = CPU number (v1 cpuacct.usage_percpu); empty on v2
   * @param quotaMicros CFS quota per period, absent when unlimited
   * @param periodMicros CFS period, 0 when unknown
   * @param shares v1 cpu.shares, or v2 cpu.weight converted as cAdvisor does
   */
  public record Cpu(
      double usageSeconds,
      List<Double> perCpuSeconds,
      double userSeconds,
      double systemSeconds,
      long periods,
      long throttledPeriods,
      double throttledSeconds,
      OptionalLong quotaMicros,
      long periodMicros,
      long shares) {
    public Cpu {
      perCpuSeconds = List.copyOf(perCpuSeconds);
    }
  }

  /**
   * Bytes; limits are 0 when unlimited (cAdvisor's convention).
   *
   * @param workingSet usage minus inactive file pages, floored at 0 (cAdvisor's definition)
   * @param oomKills OOM kills in this cgroup (v2 memory.events oom_kill, v1 memory.oom_control
   *     oom_kill)
   */
  public record Memory(
      long usage,
      long workingSet,
      long rss,
      long cache,
      long swap,
      long mappedFile,
      long kernel,
      long failcnt,
      long maxUsage,
      long limit,
      long swapLimit,
      long reservation,
      long pgfault,
      long pgmajfault,
      long activeFile,
      long inactiveFile,
      long oomKills) {}

  /** Per block device totals (v1 blkio throttle files, v2 io.stat). */
  public record BlockDevice(
      int major, int minor, long readBytes, long writeBytes, long reads, long writes) {}

  /**
   * @param processes entries of cgroup.procs
   * @param threads pids.current
   * @param threadsMax pids.max, 0 when unlimited
   */
  public record Pids(long processes, long threads, long threadsMax) {}
}
