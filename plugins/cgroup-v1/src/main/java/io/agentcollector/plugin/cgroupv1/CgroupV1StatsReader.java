package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Container stats from cgroup v1 controllers (the cgroup v1 column of
 * shared/reference/cadvisor-metrics.md, section 2). Active on v1 and hybrid hosts; on a hybrid
 * host the cgroup2 copy at {@code unified/} is not read, so no container counts twice.
 */
@Extension
public final class CgroupV1StatsReader implements ContainerStatsReader {

  /** Above this a v1 limit means "unlimited" (the kernel writes LONG_MAX rounded to a page). */
  static final long UNLIMITED = 1L << 62;
  /** cpuacct.stat counts USER_HZ ticks, 100 per second on Linux. */
  static final double USER_HZ = 100;

  private HostPaths paths;
  private CgroupV1Layout layout = new CgroupV1Layout(Map.of());
  private Logger log;

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
      layout = CgroupV1Layout.from(Mountinfo.parse(Files.readString(mountinfo)), paths);
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
    Map<String, String> byController = Map.of();
    if (c.pid() > 0) {
      try {
        byController = ProcPidCgroup.parse(Files.readString(paths.proc(Long.toString(c.pid()), "cgroup"))).pathByController();
      } catch (NoSuchFileException e) {
        // The process has just exited: fall back to the runtime's cgroup path.
      }
    }
    Path memory = dir("memory", byController, c);
    Path cpuacct = dir("cpuacct", byController, c);
    if (memory == null || cpuacct == null || !Files.isDirectory(memory) || !Files.isDirectory(cpuacct)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ContainerStats(cpu(cpuacct, dir("cpu", byController, c)), memory(memory),
          blkio(dir("blkio", byController, c)), pids(dir("pids", byController, c), dir("cpu", byController, c))));
    } catch (NoSuchFileException e) {
      // Removed while we read it.
      return Optional.empty();
    }
  }

  private Path dir(String controller, Map<String, String> byController, ContainerInfo c) {
    CgroupV1Layout.Controller ctl = layout.controllers().get(controller);
    if (ctl == null) {
      return null;
    }
    String path = byController.getOrDefault(controller, c.cgroupPath());
    return path.isEmpty() ? null : ctl.resolve(path);
  }

  private ContainerStats.Cpu cpu(Path cpuacct, Path cpu) throws IOException {
    // cpuacct.usage and usage_percpu are nanoseconds.
    double usage = readLong(cpuacct.resolve("cpuacct.usage")) / 1e9;
    List<Double> perCpu = new ArrayList<>();
    String percpu = readOptional(cpuacct.resolve("cpuacct.usage_percpu"));
    if (percpu != null && !percpu.isBlank()) {
      for (String v : percpu.strip().split("\\s+")) {
        perCpu.add(Long.parseLong(v) / 1e9);
      }
    }
    KeyedValues stat = KeyedValues.parse("cpuacct.stat", Files.readString(cpuacct.resolve("cpuacct.stat")));
    long periods = 0;
    long throttled = 0;
    double throttledSeconds = 0;
    OptionalLong quota = OptionalLong.empty();
    long period = 0;
    long shares = 0;
    if (cpu != null && Files.isDirectory(cpu)) {
      KeyedValues cs = KeyedValues.parse("cpu.stat", Files.readString(cpu.resolve("cpu.stat")));
      periods = cs.get("nr_periods");
      throttled = cs.get("nr_throttled");
      throttledSeconds = cs.get("throttled_time") / 1e9; // nanoseconds
      long q = readLongOr(cpu.resolve("cpu.cfs_quota_us"), -1);
      quota = q > 0 ? OptionalLong.of(q) : OptionalLong.empty(); // -1: no quota
      period = readLongOr(cpu.resolve("cpu.cfs_period_us"), 0);
      shares = readLongOr(cpu.resolve("cpu.shares"), 0);
    }
    return new ContainerStats.Cpu(usage, perCpu, stat.get("user") / USER_HZ, stat.get("system") / USER_HZ,
        periods, throttled, throttledSeconds, quota, period, shares);
  }

  private ContainerStats.Memory memory(Path m) throws IOException {
    KeyedValues stat = KeyedValues.parse("memory.stat", Files.readString(m.resolve("memory.stat")));
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
        limit(m.resolve("memory.limit_in_bytes")),
        limit(m.resolve("memory.memsw.limit_in_bytes")),
        limit(m.resolve("memory.soft_limit_in_bytes")),
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
    if (blkio == null || !Files.isDirectory(blkio)) {
      return List.of();
    }
    BlkioThrottle bytes = throttleFile(blkio, "blkio.throttle.io_service_bytes");
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

  private static ContainerStats.Pids pids(Path pids, Path cpu) throws IOException {
    long processes = 0;
    if (cpu != null) {
      String procs = readOptional(cpu.resolve("cgroup.procs"));
      processes = procs == null ? 0 : procs.lines().filter(l -> !l.isBlank()).count();
    }
    if (pids == null || !Files.isDirectory(pids)) {
      return new ContainerStats.Pids(processes, 0, 0);
    }
    String max = readOptional(pids.resolve("pids.max"));
    long threadsMax = max == null || max.strip().equals("max") ? 0 : Long.parseLong(max.strip());
    return new ContainerStats.Pids(processes, readLongOr(pids.resolve("pids.current"), 0), threadsMax);
  }

  private static long readLong(Path file) throws IOException {
    String s = Files.readString(file).strip();
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
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
