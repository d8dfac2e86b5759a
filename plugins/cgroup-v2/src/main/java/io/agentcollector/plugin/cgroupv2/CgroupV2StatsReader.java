package io.agentcollector.plugin.cgroupv2;

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
import java.util.function.Function;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container stats from the cgroup v2 unified hierarchy: the cgroup v2 column of docs/containers.md,
 * "Where each value comes from". Active only on a pure v2 host ({@code cgroup.controllers} at
 * the root); hybrid hosts belong to the cgroup-v1 reader. The container's directory comes
 * from the {@code 0::} line of {@code /proc/<pid>/cgroup}, else from the runtime's cgroup path.
 */
@Extension
public final class CgroupV2StatsReader implements ContainerStatsReader {

  private static final int MAX_CACHED = 4096;
  /** Container cgroup directories by container process; least recently used ones go first. */
  private final Map<DirKey, Dir> dirs = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<DirKey, Dir> eldest) {
      return size() > MAX_CACHED;
    }
  };

  /** A container's cgroup directory, and its limits as last read. */
  private record Dir(Path path, SpecCache<Spec> spec) {}

  /** A container process: its cgroup directory does not change while it runs. */
  private record DirKey(ContainerKey container, long pid, String cgroupPath) {}

  /** cpu.max, cpu.weight, memory.max, memory.swap.max, memory.min, pids.max. */
  record Spec(CgroupV2CpuMax cpuMax, CgroupV2CpuWeight weight, long memoryMax, long swapMax, long memoryMin,
      long threadsMax) {

    static Spec read(Path dir) throws IOException {
      return new Spec(optional(dir, "cpu.max", CgroupV2CpuMax::parse, CgroupV2CpuMax.NONE),
          optional(dir, "cpu.weight", CgroupV2CpuWeight::parse, CgroupV2CpuWeight.NONE),
          limit(dir, "memory.max"), limit(dir, "memory.swap.max"), limit(dir, "memory.min"), value(dir, "pids.max"));
    }
  }

  /** Spec memory values above this are "unlimited" and exported as 0, as cAdvisor does. */
  static final long UNLIMITED = 1L << 62;

  private HostPaths paths;
  private Optional<CgroupV2Mount> mount = Optional.empty();
  private Logger log = LoggerFactory.getLogger(CgroupV2StatsReader.class);

  @Override
  public String name() {
    return "cgroup-v2";
  }

  @Override
  public void start(CollectorContext context) throws IOException {
    paths = context.hostPaths();
    log = context.logger();
    // pid 1's view is the host's when the agent runs in a container with the host's /proc.
    for (Path mountinfo : List.of(paths.proc("1", "mountinfo"), paths.proc("self", "mountinfo"))) {
      String content = readOptional(mountinfo);
      if (content != null) {
        mount = CgroupV2Mount.find(Mountinfo.parse(content), paths);
        log.debug("cgroup v2 at {}: {}", paths.cgroup(), mount.isPresent() ? "unified hierarchy" : "not a pure v2 host");
        return;
      }
    }
    log.debug("no mountinfo under {}: cgroup v2 reader inactive", paths.proc());
  }

  @Override
  public boolean active() {
    return mount.isPresent();
  }

  @Override
  public Optional<ContainerStats> read(ContainerInfo c) throws IOException {
    // Resolved once per container process and kept: its cgroup does not change, and this saves
    // reading /proc/<pid>/cgroup and a stat per spelling every cycle.
    DirKey key = new DirKey(c.key(), c.pid(), c.cgroupPath());
    Dir dir = dirs.get(key);
    if (dir == null) {
      Optional<Path> found = directory(c);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      dir = new Dir(found.get(), new SpecCache<>());
      dirs.put(key, dir);
    }
    Path path = dir.path();
    try {
      return Optional.of(read(path, dir.spec().get(c, () -> Spec.read(path))));
    } catch (NoSuchFileException e) {
      dirs.remove(key);
      // The cgroup went away while we read it: the container has just exited.
      if (Files.isDirectory(path)) {
        throw e;
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  /** The container's cgroup directory, empty when none of its spellings exists. */
  Optional<Path> directory(ContainerInfo c) throws IOException {
    // Read() works without start()'s verdict too (the runtime only calls the active reader):
    // then the configured cgroup root is the hierarchy's root.
    CgroupV2Mount m = mount.orElseGet(() -> new CgroupV2Mount(paths.cgroup(), "/"));
    List<String> tried = new ArrayList<>();
    if (c.pid() > 0) {
      String procCgroup = readOptional(paths.proc(Long.toString(c.pid()), "cgroup"));
      if (procCgroup != null) {
        ProcPidCgroup.parse(procCgroup).unifiedPath().ifPresent(tried::add);
      }
    }
    tried.addAll(CgroupV2Paths.candidates(c.cgroupPath()));
    for (String path : tried) {
      Optional<Path> dir = m.resolve(path);
      if (dir.isPresent() && Files.isDirectory(dir.get())) {
        return dir;
      }
    }
    log.debug("no cgroup v2 directory for {}/{} (tried {})", c.runtime(), c.id(), tried);
    return Optional.empty();
  }

  static ContainerStats read(Path dir, Spec spec) throws IOException {
    // cpu.stat and cgroup.procs exist in every v2 cgroup; the rest depends on enabled controllers.
    CgroupV2CpuStat stat = CgroupV2CpuStat.parse(KernelFiles.read(dir.resolve("cpu.stat")));
    var cpu = new ContainerStats.Cpu(stat.usageSeconds(), List.of(), stat.userSeconds(), stat.systemSeconds(),
        stat.periods(), stat.throttledPeriods(), stat.throttledSeconds(), spec.cpuMax().quotaMicros(),
        spec.cpuMax().periodMicros(), spec.weight().shares());

    CgroupV2MemoryStat ms = optional(dir, "memory.stat", CgroupV2MemoryStat::parse, CgroupV2MemoryStat.NONE);
    CgroupV2MemoryEvents events = optional(dir, "memory.events", CgroupV2MemoryEvents::parse, CgroupV2MemoryEvents.NONE);
    long usage = value(dir, "memory.current");
    var memory = new ContainerStats.Memory(
        usage,
        ms.workingSet(usage),
        ms.anon(),
        ms.file(),
        value(dir, "memory.swap.current"),
        ms.fileMapped(),
        0, // v2 has no separate kernel-memory counter (cAdvisor reports 0)
        0, // nor a failcnt
        value(dir, "memory.peak"), // kernel >= 5.19
        spec.memoryMax(),
        spec.swapMax(),
        spec.memoryMin(),
        ms.pgfault(),
        ms.pgmajfault(),
        ms.activeFile(),
        ms.inactiveFile(),
        events.oomKills());

    List<ContainerStats.BlockDevice> io = new ArrayList<>();
    for (CgroupV2IoStat.Device d : optional(dir, "io.stat", CgroupV2IoStat::parse, new CgroupV2IoStat(List.of())).devices()) {
      io.add(new ContainerStats.BlockDevice(d.major(), d.minor(), d.readBytes(), d.writeBytes(), d.reads(), d.writes()));
    }

    CgroupV2Value current = optional(dir, "pids.current", s -> CgroupV2Value.parse("pids.current", s), null);
    long threads = current == null ? -1 : current.value();
    // pids.current counts the tasks of the whole container: none or one task is as many
    // processes, without reading cgroup.procs (most idle containers run one process).
    long processes = threads == 0 || threads == 1 ? threads : Fields.countLines(KernelFiles.read(dir.resolve("cgroup.procs")));
    // Without the pids controller cAdvisor counts cgroup.procs as threads.
    threads = current == null ? processes : threads;
    var extra = new ContainerStats.Extra(stat.burstPeriods(), stat.burstSeconds(), events.high(), events.max(),
        pressure(dir, "cpu.pressure"), pressure(dir, "memory.pressure"), pressure(dir, "io.pressure"));
    return new ContainerStats(cpu, memory, io, new ContainerStats.Pids(processes, threads, spec.threadsMax()), extra);
  }

  /** PSI of one resource; absent without CONFIG_PSI or with psi=0 on the kernel command line. */
  private static Optional<ContainerStats.Pressure> pressure(Path dir, String file) throws IOException {
    String content;
    try {
      content = readOptional(dir.resolve(file));
    } catch (IOException e) {
      // A kernel built with PSI but booted with psi=0 fails the read with EOPNOTSUPP.
      if (Files.isDirectory(dir)) {
        return Optional.empty();
      }
      throw e;
    }
    return content == null ? Optional.empty() : Optional.of(CgroupV2Pressure.parse(file, content));
  }

  /** A single-value file: 0 when absent or {@code max}. */
  private static long value(Path dir, String file) throws IOException {
    CgroupV2Value v = optional(dir, file, s -> CgroupV2Value.parse(file, s), null);
    return v == null || v.isMax() ? 0 : v.value();
  }

  /** A spec limit: 0 when absent, {@code max} or beyond 2^62 (cAdvisor's "no limit"). */
  private static long limit(Path dir, String file) throws IOException {
    long v = value(dir, file);
    return v > UNLIMITED ? 0 : v;
  }

  private static <T> T optional(Path dir, String file, Function<String, T> parser, T absent) throws IOException {
    String content = readOptional(dir.resolve(file));
    return content == null ? absent : parser.apply(content);
  }

  /** A file's content, or null when this kernel or controller set does not have it. */
  private static String readOptional(Path file) throws IOException {
    try {
      return KernelFiles.read(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
