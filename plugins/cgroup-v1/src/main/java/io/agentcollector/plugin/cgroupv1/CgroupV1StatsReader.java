package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.cgroup.CgroupMount;
import io.agentcollector.kernel.proc.ProcMountinfo;
import io.agentcollector.kernel.proc.ProcPidCgroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Container stats from cgroup v1 controllers (the cgroup v1 column of docs/containers.md, "Where
 * each value comes from"). Active on v1 and hybrid hosts; on a hybrid host the cgroup2 copy at
 * {@code unified/} is not read, so no container counts twice.
 */
@Extension
public final class CgroupV1StatsReader implements ContainerStatsReader {

  private static final int MAX_CACHED = 4096;

  private HostPaths paths;
  private CgroupV1Layout layout = new CgroupV1Layout(Map.of());
  private Logger log;

  /** Resolved directories by container process; least recently used ones go first. */
  private final Map<DirKey, CgroupV1Container> dirs =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DirKey, CgroupV1Container> eldest) {
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
      layout = CgroupV1Layout.from(ProcMountinfo.parse(KernelFiles.read(mountinfo)), paths);
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
    return stats(c, activity instanceof CpuUsage u && u.perCpu() ? u.text() : null);
  }

  /** The stats, with cpuacct.usage_percpu as activity() read it when not null. */
  private Optional<ContainerStats> stats(ContainerInfo c, String percpu) throws IOException {
    DirKey key = new DirKey(c.key(), c.pid(), c.cgroupPath());
    CgroupV1Container d = dirs(c, key);
    if (d == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(d.read(c, percpu));
    } catch (NoSuchFileException e) {
      // Removed while we read it.
      dirs.remove(key);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new IOException("cgroup v1 files of " + c.key() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A CPU usage counter's text: cpuacct.usage_percpu ({@code perCpu}), else cpuacct.usage. It moves
   * whenever a task runs; read() reuses the per-CPU text instead of reading it again.
   */
  record CpuUsage(String text, boolean perCpu) implements Activity {}

  @Override
  public Optional<Activity> activity(ContainerInfo c) throws IOException {
    CgroupV1Container d = dirs(c, new DirKey(c.key(), c.pid(), c.cgroupPath()));
    if (d == null) {
      return Optional.empty();
    }
    String percpu = CgroupV1Container.readOptional(d.cpuacct().resolve("cpuacct.usage_percpu"));
    if (percpu != null && !percpu.isBlank()) {
      return Optional.of(new CpuUsage(percpu, true));
    }
    String usage = CgroupV1Container.readOptional(d.cpuacct().resolve("cpuacct.usage"));
    return usage == null ? Optional.empty() : Optional.of(new CpuUsage(usage, false));
  }

  /** A container process: its cgroup directories do not change while it runs. */
  private record DirKey(ContainerKey container, long pid, String cgroupPath) {}

  private CgroupV1Container dirs(ContainerInfo c, DirKey key) throws IOException {
    CgroupV1Container d = dirs.get(key);
    if (d == null) {
      d = resolve(c);
      if (d != null) {
        dirs.put(key, d);
      }
    }
    return d;
  }

  /**
   * A container's directory per controller, or null without memory and cpuacct. Resolved once per
   * container process and kept: the cgroup of a container's init does not change, and this saves a
   * read and five stats per cycle.
   */
  private CgroupV1Container resolve(ContainerInfo c) throws IOException {
    Map<String, String> byController = Map.of();
    if (c.pid() > 0) {
      // Null: the process has just exited; the runtime's cgroup path is used then.
      String procCgroup =
          CgroupV1Container.readOptional(paths.proc(Long.toString(c.pid()), "cgroup"));
      if (procCgroup != null) {
        byController = ProcPidCgroup.parse(procCgroup).pathByController();
      }
    }
    Path memory = dir("memory", byController, c);
    Path cpuacct = dir("cpuacct", byController, c);
    if (memory == null || cpuacct == null) {
      return null;
    }
    return new CgroupV1Container(
        memory,
        cpuacct,
        dir("cpu", byController, c),
        dir("blkio", byController, c),
        dir("pids", byController, c));
  }

  /** The container's directory of a controller, null without the controller or directory. */
  private Path dir(String controller, Map<String, String> byController, ContainerInfo c) {
    CgroupMount mount = layout.controllers().get(controller);
    String path = byController.getOrDefault(controller, c.cgroupPath());
    if (mount == null || path.isEmpty()) {
      return null;
    }
    Path dir = mount.resolve(path).orElse(null);
    return dir != null && Files.isDirectory(dir) ? dir : null;
  }
}
