package io.agentcollector.plugin.cgroupv2;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.api.container.SpecCache;
import io.agentcollector.kernel.cgroup.CgroupMount;
import io.agentcollector.kernel.proc.ProcMountinfo;
import io.agentcollector.kernel.proc.ProcPidCgroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container stats from the cgroup v2 unified hierarchy: the cgroup v2 column of docs/containers.md,
 * "Where each value comes from". Active only on a pure v2 host ({@code cgroup.controllers} at the
 * root); hybrid hosts belong to the cgroup-v1 reader. The container's directory comes from the
 * {@code 0::} line of {@code /proc/<pid>/cgroup}, else from the runtime's cgroup path.
 */
@Extension
public final class CgroupV2StatsReader implements ContainerStatsReader {

  private static final int MAX_CACHED = 4096;

  /** Container cgroup directories by container process; least recently used ones go first. */
  private final Map<DirKey, Dir> dirs =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DirKey, Dir> eldest) {
          return size() > MAX_CACHED;
        }
      };

  /** A container's cgroup directory, and its limits as last read. */
  private record Dir(Path path, SpecCache<CgroupV2Stats.Spec> spec) {}

  /** A container process: its cgroup directory does not change while it runs. */
  private record DirKey(ContainerKey container, long pid, String cgroupPath) {}

  private HostPaths paths;
  private Optional<CgroupMount> mount = Optional.empty();
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
      String content = CgroupV2Stats.readOptional(mountinfo);
      if (content != null) {
        mount = CgroupV2Mount.find(ProcMountinfo.parse(content), paths);
        log.debug(
            "cgroup v2 at {}: {}",
            paths.cgroup(),
            mount.isPresent() ? "unified hierarchy" : "not a pure v2 host");
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
      CgroupV2Stats.Spec spec = dir.spec().get(c, () -> CgroupV2Stats.spec(path));
      return Optional.of(CgroupV2Stats.read(path, spec));
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
    CgroupMount m = mount.orElseGet(() -> new CgroupMount(paths.cgroup(), "/"));
    List<String> tried = new ArrayList<>();
    if (c.pid() > 0) {
      String procCgroup = CgroupV2Stats.readOptional(paths.proc(Long.toString(c.pid()), "cgroup"));
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
}
