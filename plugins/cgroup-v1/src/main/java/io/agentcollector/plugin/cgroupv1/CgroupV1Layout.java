package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.HostPaths;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each v1 controller is mounted, from the host's mountinfo, mapped under the configured
 * host paths. Controllers may share a mount ({@code cpu,cpuacct}) or have their own (this
 * project's build hosts mount cpu and cpuacct apart): never assume the layout.
 */
record CgroupV1Layout(Map<String, Controller> controllers) {

  static final List<String> USED = List.of("cpu", "cpuacct", "memory", "blkio", "pids");

  /** A mounted controller: its directory for us, and the path its mount shows as root. */
  record Controller(Path dir, String mountRoot) {

    /** The directory of a cgroup path as /proc/<pid>/cgroup shows it. */
    Path resolve(String cgroupPath) {
      String p = cgroupPath;
      if (!mountRoot.equals("/") && p.startsWith(mountRoot)) {
        p = p.substring(mountRoot.length());
      }
      p = p.startsWith("/") ? p.substring(1) : p;
      return p.isEmpty() ? dir : dir.resolve(p);
    }
  }

  static CgroupV1Layout from(Mountinfo mounts, HostPaths paths) {
    Map<String, Controller> out = new HashMap<>();
    for (Mountinfo.Mount m : mounts.mounts()) {
      if (!m.fsType().equals("cgroup")) {
        continue;
      }
      for (String opt : m.superOptions()) {
        if (USED.contains(opt)) {
          out.putIfAbsent(opt, new Controller(hostDir(m.mountPoint(), paths), m.root()));
        }
      }
    }
    return new CgroupV1Layout(Map.copyOf(out));
  }

  /** Whether the controllers container stats need are there: cpuacct and memory at least. */
  boolean usable() {
    return controllers.containsKey("cpuacct") && controllers.containsKey("memory");
  }

  /**
   * A mount point of the host as the agent sees it: under the cgroup root when it is below
   * /sys/fs/cgroup, else under the rootfs.
   */
  private static Path hostDir(String mountPoint, HostPaths paths) {
    String cgroupRoot = "/sys/fs/cgroup";
    if (mountPoint.equals(cgroupRoot)) {
      return paths.cgroup();
    }
    if (mountPoint.startsWith(cgroupRoot + "/")) {
      return paths.cgroup().resolve(mountPoint.substring(cgroupRoot.length() + 1));
    }
    return paths.rootfs(mountPoint);
  }
}
