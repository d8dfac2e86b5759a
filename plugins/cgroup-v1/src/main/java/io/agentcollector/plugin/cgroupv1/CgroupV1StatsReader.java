package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.Fields;
import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.api.container.SpecCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Container stats from cgroup v1 controllers (the cgroup v1 column of docs/containers.md,
 * "Where each value comes from"). Active on v1 and hybrid hosts; on a hybrid
 * host the cgroup2 copy at {@code unified/} is not read, so no container counts twice.
 */
@Extension
public final class CgroupV1StatsReader implements ContainerStatsReader {

  /** Above this a v1 limit means "unlimited" (the kernel writes LONG_MAX rounded to a page). */
  static final long UNLIMITED = 1L << 62;
  /** cpuacct.stat counts USER_HZ ticks, 100 per second on Linux. */
  static final double USER_HZ = 100;
  private static final int MAX_CACHED = 4096;

  /** The memory.stat keys {@link #memory} uses. */
  private static final String[] MEMORY_STAT_KEYS = {"total_inactive_file", "total_active_file", "total_rss", "rss",
      "total_cache", "cache", "total_swap", "swap", "total_mapped_file", "mapped_file", "pgfault", "pgmajfault"};

  private HostPaths paths;
  private CgroupV1Layout layout = new CgroupV1Layout(Map.of());
  private Logger log;
  /** Resolved directories by container process; least recently used ones go first. */
  private final Map<DirKey, Dirs> dirs = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<DirKey, Dirs> eldest) {
      return size() > MAX_CACHED;
    }
  };

  @Override
  public String name() {
    return "cgroup-v1";
  }

  @Override
  public void start(CollectorContext context) throws IOException {
    paths = context.hostPaths();
    log = context.logger();
    Path mountinfo = paths.proc("1", "mountinfo");
    if (!Files.exists(mountinfo)) {
      mountinfo = paths.proc("self", "mountinfo");
    }
    try {
      layout = CgroupV1Layout.from(Mountinfo.parse(KernelFiles.read(mountinfo)), paths);
    } catch (NoSuchFileException e) {
      log.debug("no mountinfo at {}: cgroup v1 reader inactive", mountinfo);
    }
    log.debug("cgroup v1 controllers: {}", layout.controllers());
  }

  @Override
  public boolean active() {
    return layout.usable();
  }

  @Override
  public Optional<ContainerStats> read(ContainerInfo c) throws IOException {
    return stats(c, null);
  }

  @Override
  public Optional<ContainerStats> read(ContainerInfo c, Activity activity) throws IOException {
    return stats(c, activity instanceof CpuUsage u ? u : null);
  }

  /** The stats, with the CPU usage {@code ahead} as activity() read it when not null. */
  private Optional<ContainerStats> stats(ContainerInfo c, CpuUsage ahead) throws IOException {
    DirKey key = new DirKey(c.key(), c.pid(), c.cgroupPath());
    Dirs d = dirs(c, key);
    if (d == null) {
      return Optional.empty();
    }
    try {
      Spec spec = d.spec(c);
      return Optional.of(new ContainerStats(cpu(d, spec, ahead), memory(d.memory(), spec),
          blkio(d.blkio()), pids(d.pids(), d.cpu(), spec)));
    } catch (NoSuchFileException e) {
      // Removed while we read it.
      dirs.remove(key);
      return Optional.empty();
    }
  }

  /**
   * A CPU usage counter's text: cpuacct.usage_percpu ({@code perCpu}), else cpuacct.usage. It
   * moves whenever a task runs; read() reuses the per-CPU text instead of reading it again.
   */
  record CpuUsage(String text, boolean perCpu) implements Activity {}

  @Override
  public Optional<Activity> activity(ContainerInfo c) throws IOException {
    Dirs d = dirs(c, new DirKey(c.key(), c.pid(), c.cgroupPath()));
    if (d == null) {
      return Optional.empty();
    }
    String percpu = readOptional(d.cpuacct().resolve("cpuacct.usage_percpu"));
    if (percpu != null && !percpu.isBlank()) {
      return Optional.of(new CpuUsage(percpu, true));
    }
    String usage = readOptional(d.cpuacct().resolve("cpuacct.usage"));
    return usage == null ? Optional.empty() : Optional.of(new CpuUsage(usage, false));
  }

  /** A container process: its cgroup directories do not change while it runs. */
  private record DirKey(ContainerKey container, long pid, String cgroupPath) {}

  private Dirs dirs(ContainerInfo c, DirKey key) throws IOException {
    Dirs d = dirs.get(key);
    if (d == null) {
      d = resolve(c);
      if (d != null) {
        dirs.put(key, d);
      }
    }
    return d;
  }

  /**
   * A container's directory per controller (null where the controller or directory is absent),
   * or null without memory and cpuacct. Resolved once per container process and kept: the cgroup
   * of a container's init does not change, and this saves a read and five stats per cycle.
   */
  private Dirs resolve(ContainerInfo c) throws IOException {
    Map<String, String> byController = Map.of();
    if (c.pid() > 0) {
      try {
        byController = ProcPidCgroup.parse(KernelFiles.read(paths.proc(Long.toString(c.pid()), "cgroup"))).pathByController();
      } catch (NoSuchFileException e) {
        // The process has just exited: fall back to the runtime's cgroup path.
      }
    }
    Path memory = existing(dir("memory", byController, c));
    Path cpuacct = existing(dir("cpuacct", byController, c));
    if (memory == null || cpuacct == null) {
      return null;
    }
    return new Dirs(memory, cpuacct, existing(dir("cpu", byController, c)), existing(dir("blkio", byController, c)),
        existing(dir("pids", byController, c)));
  }

  private static Path existing(Path dir) {
    return dir != null && Files.isDirectory(dir) ? dir : null;
  }

  private Path dir(String controller, Map<String, String> byController, ContainerInfo c) {
    CgroupV1Layout.Controller ctl = layout.controllers().get(controller);
    if (ctl == null) {
      return null;
    }
    String path = byController.getOrDefault(controller, c.cgroupPath());
    return path.isEmpty() ? null : ctl.resolve(path);
  }

  /** A container's directories, and its limits as last read. */
  private record Dirs(Path memory, Path cpuacct, Path cpu, Path blkio, Path pids, SpecCache<Spec> spec) {

    Dirs(Path memory, Path cpuacct, Path cpu, Path blkio, Path pids) {
      this(memory, cpuacct, cpu, blkio, pids, new SpecCache<>());
    }

    Spec spec(ContainerInfo c) throws IOException {
      return spec.get(c, () -> Spec.read(cpu, memory, pids));
    }
  }

  /** cpu.cfs_quota_us (-1: none), cfs_period_us, shares; memory limits; pids.max (0: none). */
  private record Spec(OptionalLong quota, long period, long shares, long memoryLimit, long swapLimit,
      long reservation, long threadsMax) {

    static Spec read(Path cpu, Path memory, Path pids) throws IOException {
      OptionalLong quota = OptionalLong.empty();
      long period = 0;
      long shares = 0;
      if (cpu != null) {
        long q = readLongOr(cpu.resolve("cpu.cfs_quota_us"), -1);
        quota = q > 0 ? OptionalLong.of(q) : OptionalLong.empty();
        period = readLongOr(cpu.resolve("cpu.cfs_period_us"), 0);
        shares = readLongOr(cpu.resolve("cpu.shares"), 0);
      }
      long threadsMax = 0;
      if (pids != null) {
        String max = readOptional(pids.resolve("pids.max"));
        threadsMax = max == null || max.strip().equals("max") ? 0 : Long.parseLong(max.strip());
      }
      return new Spec(quota, period, shares, limit(memory.resolve("memory.limit_in_bytes")),
          limit(memory.resolve("memory.memsw.limit_in_bytes")), limit(memory.resolve("memory.soft_limit_in_bytes")),
          threadsMax);
    }
  }

  private ContainerStats.Cpu cpu(Dirs d, Spec spec, CpuUsage ahead) throws IOException {
    Path cpuacct = d.cpuacct();
    Path cpu = d.cpu();
    // cpuacct.usage and usage_percpu are nanoseconds. The kernel sums usage over the same
    // possible CPUs that usage_percpu lists, so the sum saves reading a file per container.
    List<Double> perCpu = new ArrayList<>();
    String percpu = ahead != null && ahead.perCpu() ? ahead.text()
        : readOptional(cpuacct.resolve("cpuacct.usage_percpu"));
    double usage;
    if (percpu != null && !percpu.isBlank()) {
      long total = 0;
      for (String v : Fields.split(percpu)) {
        long ns = Long.parseLong(v);
        total += ns;
        perCpu.add(ns / 1e9);
      }
      usage = total / 1e9;
    } else {
      usage = readLong(cpuacct.resolve("cpuacct.usage")) / 1e9;
    }
    KeyedValues stat = KeyedValues.parse("cpuacct.stat", KernelFiles.read(cpuacct.resolve("cpuacct.stat")));
    long periods = 0;
    long throttled = 0;
    double throttledSeconds = 0;
    if (cpu != null && spec.quota().isPresent()) {
      // Throttling is only exposed under a quota (as cAdvisor does): no quota, no file to read.
      KeyedValues cs = KeyedValues.parse("cpu.stat", KernelFiles.read(cpu.resolve("cpu.stat")));
      periods = cs.get("nr_periods");
      throttled = cs.get("nr_throttled");
      throttledSeconds = cs.get("throttled_time") / 1e9; // nanoseconds
    }
    return new ContainerStats.Cpu(usage, perCpu, stat.get("user") / USER_HZ, stat.get("system") / USER_HZ,
        periods, throttled, throttledSeconds, spec.quota(), spec.period(), spec.shares());
  }

  private ContainerStats.Memory memory(Path m, Spec spec) throws IOException {
    KeyedValues stat = KeyedValues.parse("memory.stat", KernelFiles.read(m.resolve("memory.stat")), MEMORY_STAT_KEYS);
    long usage = readLong(m.resolve("memory.usage_in_bytes"));
    // cAdvisor: the total_ variant of inactive file, whatever use_hierarchy says; absent -> usage.
    long inactive = stat.get("total_inactive_file");
    long workingSet = stat.has("total_inactive_file") ? Math.max(0, usage - inactive) : usage;
    String oom = readOptional(m.resolve("memory.oom_control"));
    long oomKills = oom == null ? 0 : KeyedValues.parse("memory.oom_control", oom).get("oom_kill");
    return new ContainerStats.Memory(
        usage,
        workingSet,
        total(stat, "rss"),
        total(stat, "cache"),
        total(stat, "swap"),
        total(stat, "mapped_file"),
        readLongOr(m.resolve("memory.kmem.usage_in_bytes"), 0),
        readLongOr(m.resolve("memory.failcnt"), 0),
        readLongOr(m.resolve("memory.max_usage_in_bytes"), 0),
        spec.memoryLimit(),
        spec.swapLimit(),
        spec.reservation(),
        stat.get("pgfault"),
        stat.get("pgmajfault"),
        stat.get("total_active_file"),
        inactive,
        oomKills);
  }

  /** The hierarchical total_ key when present (use_hierarchy=1, the normal case), else the local one. */
  private static long total(KeyedValues stat, String key) {
    return stat.has("total_" + key) ? stat.get("total_" + key) : stat.get(key);
  }

  private static long limit(Path file) throws IOException {
    long v = readLongOr(file, 0);
    return v > UNLIMITED ? 0 : v;
  }

  private static List<ContainerStats.BlockDevice> blkio(Path blkio) throws IOException {
    if (blkio == null) {
      return List.of();
    }
    BlkioThrottle bytes = throttleFile(blkio, "blkio.throttle.io_service_bytes");
    if (bytes.readWriteByDevice().isEmpty()) {
      return List.of(); // no device here, none in io_serviced either: both list the same devices
    }
    BlkioThrottle ops = throttleFile(blkio, "blkio.throttle.io_serviced");
    List<ContainerStats.BlockDevice> out = new ArrayList<>();
    for (var e : bytes.readWriteByDevice().entrySet()) {
      long[] b = e.getValue();
      long[] o = ops.readWriteByDevice().getOrDefault(e.getKey(), new long[2]);
      if (b[0] == 0 && b[1] == 0 && o[0] == 0 && o[1] == 0) {
        continue; // throttle files list devices the container never touched
      }
      String[] mm = e.getKey().split(":");
      out.add(new ContainerStats.BlockDevice(Integer.parseInt(mm[0]), Integer.parseInt(mm[1]), b[0], b[1], o[0], o[1]));
    }
    return out;
  }

  /** The recursive file when it exists and has data, else the local one (runc's order). */
  private static BlkioThrottle throttleFile(Path dir, String base) throws IOException {
    String recursive = readOptional(dir.resolve(base + "_recursive"));
    String content = recursive != null && !recursive.isBlank() ? recursive : readOptional(dir.resolve(base));
    return BlkioThrottle.parse(base, content == null ? "" : content);
  }

  private static ContainerStats.Pids pids(Path pids, Path cpu, Spec spec) throws IOException {
    long threads = pids == null ? -1 : readLongOr(pids.resolve("pids.current"), -1);
    long processes;
    if (threads == 0 || threads == 1) {
      // pids.current counts the tasks of the whole container: none or one task is as many
      // processes, without reading cgroup.procs (most idle containers run one process).
      processes = threads;
    } else {
      String procs = cpu == null ? null : readOptional(cpu.resolve("cgroup.procs"));
      processes = procs == null ? 0 : Fields.countLines(procs);
    }
    return new ContainerStats.Pids(processes, Math.max(0, threads), pids == null ? 0 : spec.threadsMax());
  }

  private static long readLong(Path file) throws IOException {
    String s = KernelFiles.read(file).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": not a number: \"" + s + "\"");
    }
  }

  private static long readLongOr(Path file, long fallback) throws IOException {
    String s = readOptional(file);
    return s == null || s.isBlank() ? fallback : Long.parseLong(s.strip());
  }

  /** A file's content, or null when the kernel does not have it (older/newer kernels). */
  private static String readOptional(Path file) throws IOException {
    try {
      return KernelFiles.read(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
