package io.agentcollector.plugin.cgroupv2;

import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.cgroup.CgroupMount;
import io.agentcollector.kernel.proc.ProcMountinfo;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the host's cgroup2 mount at the cgroup root, as the agent sees it. Only a pure v2 host has
 * one: on a hybrid host cgroup2 sits at {@code /sys/fs/cgroup/unified} without controllers and the
 * v1 trees hold the stats (cAdvisor treats such hosts as v1 too).
 */
final class CgroupV2Mount {

  private CgroupV2Mount() {}

  /** A cgroup2 mount that maps to {@code paths.cgroup()} and has controllers, else empty. */
  static Optional<CgroupMount> find(ProcMountinfo mounts, HostPaths paths) throws IOException {
    for (ProcMountinfo.Mount m : mounts.mounts()) {
      if (!m.fsType().equals("cgroup2") || !hostDir(m.mountPoint(), paths).equals(paths.cgroup())) {
        continue;
      }
      try {
        if (!KernelFiles.read(paths.cgroup().resolve("cgroup.controllers")).isBlank()) {
          return Optional.of(new CgroupMount(paths.cgroup(), m.root()));
        }
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A host mount point as the agent sees it: below the cgroup root, else below the rootfs. */
  static Path hostDir(String mountPoint, HostPaths paths) {
    return CgroupMount.hostDir(mountPoint, paths.cgroup(), paths::rootfs);
  }
}
