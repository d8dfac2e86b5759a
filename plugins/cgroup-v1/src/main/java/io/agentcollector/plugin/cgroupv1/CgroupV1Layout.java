package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.cgroup.CgroupMount;
import io.agentcollector.kernel.proc.ProcMountinfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each v1 controller is mounted, from the host's mountinfo, mapped under the configured host
 * paths. Controllers may share a mount ({@code cpu,cpuacct}) or have their own (this project's
 * build hosts mount cpu and cpuacct apart): never assume the layout.
 */
record CgroupV1Layout(Map<String, CgroupMount> controllers) {

  static final List<String> USED = List.of("cpu", "cpuacct", "memory", "blkio", "pids");

  static CgroupV1Layout from(ProcMountinfo mounts, HostPaths paths) {
    Map<String, CgroupMount> out = new HashMap<>();
    for (ProcMountinfo.Mount m : mounts.mounts()) {
      if (!m.fsType().equals("cgroup")) {
        continue;
      }
      for (String opt : m.superOptions()) {
        if (USED.contains(opt)) {
          var dir = CgroupMount.hostDir(m.mountPoint(), paths.cgroup(), paths::rootfs);
          out.putIfAbsent(opt, new CgroupMount(dir, m.root()));
        }
      }
    }
    return new CgroupV1Layout(Map.copyOf(out));
  }

  /** Whether the controllers container stats need are there: cpuacct and memory at least. */
  boolean usable() {
    return controllers.containsKey("cpuacct") && controllers.containsKey("memory");
  }
}
