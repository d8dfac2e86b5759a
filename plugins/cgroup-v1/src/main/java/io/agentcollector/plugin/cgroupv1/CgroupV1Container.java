package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.SpecCache;
import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.cgroup.CgroupV1BlkioThrottle;
import io.agentcollector.kernel.cgroup.CgroupV1CpuStat;
import io.agentcollector.kernel.cgroup.CgroupV1CpuacctStat;
import io.agentcollector.kernel.cgroup.CgroupV1CpuacctUsagePercpu;
import io.agentcollector.kernel.cgroup.CgroupV1MemoryOomControl;
import io.agentcollector.kernel.cgroup.CgroupV1MemoryStat;
import io.agentcollector.kernel.cgroup.CgroupValue;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One container's cgroup v1 directories (null where the controller or directory is absent; memory
 * and cpuacct always there), its limits as last read, and the mapping of its files to {@link
 * ContainerStats}.
 */
record CgroupV1Container(
    Path memory, Path cpuacct, Path cpu, Path blkio, Path pids, SpecCache<Spec> specCache) {

  /** Above this a v1 limit means "unlimited" (the kernel writes LONG_MAX rounded to a page). */
  static final long UNLIMITED = 1L << 62;

  CgroupV1Container(Path memory, Path cpuacct, Path cpu, Path blkio, Path pids) {
    this(memory, cpuacct, cpu, blkio, pids, new SpecCache<>());
  }

  /** cpu.cfs_quota_us (-1: none), cfs_period_us, shares; memory limits; pids.max (0: none). */
  record Spec(
      OptionalLong quota,
      long period,
      long shares,
      long memoryLimit,
      long swapLimit,
      long reservation,
      long threadsMax) {}

  /**
   * The container's stats.
   *
   * @param percpu cpuacct.usage_percpu as just read for the activity check, or null to read it
   */
  ContainerStats read(ContainerInfo c, String percpu) throws IOException {
    Spec spec = specCache.get(c, this::spec);
    return new ContainerStats(cpuStats(spec, percpu), memoryStats(spec), blockIo(), pidStats(spec));
  }

  private Spec spec() throws IOException {
    long quota = cpu == null ? -1 : value(cpu, "cpu.cfs_quota_us", -1);
    return new Spec(
        quota > 0 ? OptionalLong.of(quota) : OptionalLong.empty(),
        cpu == null ? 0 : value(cpu, "cpu.cfs_period_us", 0),
        cpu == null ? 0 : value(cpu, "cpu.shares", 0),
        limit(memory, "memory.limit_in_bytes"),
        limit(memory, "memory.memsw.limit_in_bytes"),
        limit(memory, "memory.soft_limit_in_bytes"),
        pids == null ? 0 : value(pids, "pids.max", 0));
  }

  private ContainerStats.Cpu cpuStats(Spec spec, String percpu) throws IOException {
    // The kernel sums cpuacct.usage over the same possible CPUs that usage_percpu lists, so the
    // sum saves reading a file per container.
    String perCpuFile =
        percpu != null ? percpu : readOptional(cpuacct.resolve("cpuacct.usage_percpu"));
    List<Double> perCpu = List.of();
    double usage;
    if (perCpuFile != null && !perCpuFile.isBlank()) {
      CgroupV1CpuacctUsagePercpu p = CgroupV1CpuacctUsagePercpu.parse(perCpuFile);
      perCpu = p.perCpuSeconds();
      usage = p.usageSeconds();
    } else {
      usage = value(cpuacct, "cpuacct.usage") / 1e9; // nanoseconds
    }
    var stat = CgroupV1CpuacctStat.parse(KernelFiles.read(cpuacct.resolve("cpuacct.stat")));
    var throttling = new CgroupV1CpuStat(0, 0, 0);
    if (cpu != null && spec.quota().isPresent()) {
      // Throttling is only exposed under a quota (as cAdvisor does): no quota, no file to read.
      throttling = CgroupV1CpuStat.parse(KernelFiles.read(cpu.resolve("cpu.stat")));
    }
    return new ContainerStats.Cpu(
        usage,
        perCpu,
        stat.userSeconds(),
        stat.systemSeconds(),
        throttling.periods(),
        throttling.throttledPeriods(),
        throttling.throttledSeconds(),
        spec.quota(),
        spec.period(),
        spec.shares());
  }

  private ContainerStats.Memory memoryStats(Spec spec) throws IOException {
    var stat = CgroupV1MemoryStat.parse(KernelFiles.read(memory.resolve("memory.stat")));
    long usage = value(memory, "memory.usage_in_bytes");
    String oom = readOptional(memory.resolve("memory.oom_control"));
    return new ContainerStats.Memory(
        usage,
        stat.workingSet(usage),
        stat.rss(),
        stat.cache(),
        stat.swap(),
        stat.mappedFile(),
        value(memory, "memory.kmem.usage_in_bytes", 0),
        value(memory, "memory.failcnt", 0),
        value(memory, "memory.max_usage_in_bytes", 0),
        spec.memoryLimit(),
        spec.swapLimit(),
        spec.reservation(),
        stat.pgfault(),
        stat.pgmajfault(),
        stat.totalActiveFile(),
        stat.totalInactiveFile(),
        oom == null ? 0 : CgroupV1MemoryOomControl.parse(oom).oomKills());
  }

  private List<ContainerStats.BlockDevice> blockIo() throws IOException {
    if (blkio == null) {
      return List.of();
    }
    CgroupV1BlkioThrottle bytes = throttleFile("blkio.throttle.io_service_bytes");
    if (bytes.readWriteByDevice().isEmpty()) {
      return List.of(); // no device here, none in io_serviced either: both list the same devices
    }
    CgroupV1BlkioThrottle ops = throttleFile("blkio.throttle.io_serviced");
    List<ContainerStats.BlockDevice> out = new ArrayList<>();
    for (var e : bytes.readWriteByDevice().entrySet()) {
      long[] b = e.getValue();
      long[] o = ops.readWriteByDevice().getOrDefault(e.getKey(), new long[2]);
      if (b[0] == 0 && b[1] == 0 && o[0] == 0 && o[1] == 0) {
        continue; // throttle files list devices the container never touched
      }
      String[] mm = e.getKey().split(":");
      int major = Integer.parseInt(mm[0]);
      int minor = Integer.parseInt(mm[1]);
      out.add(new ContainerStats.BlockDevice(major, minor, b[0], b[1], o[0], o[1]));
    }
    return out;
  }

  /** The recursive file when it exists and has data, else the local one (runc's order). */
  private CgroupV1BlkioThrottle throttleFile(String base) throws IOException {
    String recursive = readOptional(blkio.resolve(base + "_recursive"));
    String content =
        recursive != null && !recursive.isBlank() ? recursive : readOptional(blkio.resolve(base));
    return CgroupV1BlkioThrottle.parse(base, content == null ? "" : content);
  }

  private ContainerStats.Pids pidStats(Spec spec) throws IOException {
    long threads = pids == null ? -1 : value(pids, "pids.current", -1);
    long processes;
    if (threads == 0 || threads == 1) {
      // pids.current counts the tasks of the whole container: none or one task is as many
      // processes, without reading cgroup.procs (most idle containers run one process).
      processes = threads;
    } else {
      String procs = cpu == null ? null : readOptional(cpu.resolve("cgroup.procs"));
      processes = procs == null ? 0 : Fields.countLines(procs);
    }
    long threadsMax = pids == null ? 0 : spec.threadsMax();
    return new ContainerStats.Pids(processes, Math.max(0, threads), threadsMax);
  }

  /** A single-value file that every kernel has. */
  private static long value(Path dir, String file) throws IOException {
    return CgroupValue.parse(file, KernelFiles.read(dir.resolve(file))).value();
  }

  /** A single-value file; {@code absent} when this kernel does not have it, or it says max. */
  private static long value(Path dir, String file, long absent) throws IOException {
    String s = readOptional(dir.resolve(file));
    return s == null ? absent : CgroupValue.parse(file, s).orIfMax(absent);
  }

  /** A memory limit: 0 when absent or beyond 2^62 (cAdvisor's "no limit"). */
  private static long limit(Path dir, String file) throws IOException {
    long v = value(dir, file, 0);
    return v > UNLIMITED ? 0 : v;
  }

  /** A file's content, or null when the kernel does not have it (older/newer kernels). */
  static String readOptional(Path file) throws IOException {
    try {
      return KernelFiles.read(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
