package io.agentcollector.plugin.cgroupv2;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.api.HostPaths;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host's cgroup2 mount at the cgroup root, as the agent sees it. Only a pure v2 host has one:
 * on a hybrid host cgroup2 sits at {@code /sys/fs/cgroup/unified} without controllers and the v1
 * trees hold the stats (cAdvisor treats such hosts as v1 too).
 *
 * @param dir the mount's directory under the configured roots ({@code HostPaths.cgroup()})
 * @param mountRoot the path inside the hierarchy the mount shows, {@code /} on the host
 */
record CgroupV2Mount(Path dir, String mountRoot) {

  /** Where cgroup v2 is mounted on a host; the configured cgroup root stands for it. */
  static final String HOST_CGROUP_ROOT = "/sys/fs/cgroup";

  /** A cgroup2 mount that maps to {@code paths.cgroup()} and has controllers, else empty. */
  static Optional<CgroupV2Mount> find(Mountinfo mounts, HostPaths paths) throws IOException {
    for (Mountinfo.Mount m : mounts.mounts()) {
      if (!m.fsType().equals("cgroup2") || !hostDir(m.mountPoint(), paths).equals(paths.cgroup())) {
        continue;
      }
      try {
        if (!KernelFiles.read(paths.cgroup().resolve("cgroup.controllers")).isBlank()) {
          return Optional.of(new CgroupV2Mount(paths.cgroup(), m.root()));
        }
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A host mount point as the agent sees it: below the cgroup root, else below the rootfs. */
  static Path hostDir(String mountPoint, HostPaths paths) {
    if (mountPoint.equals(HOST_CGROUP_ROOT)) {
      return paths.cgroup();
    }
    if (mountPoint.startsWith(HOST_CGROUP_ROOT + "/")) {
      return paths.cgroup().resolve(mountPoint.substring(HOST_CGROUP_ROOT.length() + 1));
    }
    return paths.rootfs(mountPoint);
  }

  /**
   * The directory of a cgroup path as {@code /proc/<pid>/cgroup} or a runtime names it, or empty
   * for a path that leaves the mounted tree ({@code ..}, seen from inside a cgroup namespace).
   */
  Optional<Path> resolve(String cgroupPath) {
    String p = cgroupPath;
    if (!mountRoot.equals("/") && (p.equals(mountRoot) || p.startsWith(mountRoot + "/"))) {
      p = p.substring(mountRoot.length());
    }
    p = p.replaceFirst("^/+", "");
    if (p.isEmpty()) {
      return Optional.of(dir);
    }
    Path resolved = dir.resolve(p).normalize();
    return resolved.startsWith(dir) ? Optional.of(resolved) : Optional.empty();
  }
}
