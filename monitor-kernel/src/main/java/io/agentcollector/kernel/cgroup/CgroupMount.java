package io.agentcollector.kernel.cgroup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mounted cgroup hierarchy, v1 controller or v2, as the agent sees it: the directory it reads,
 * and the path inside the hierarchy that the mount shows as its root ({@code /} on the host; a path
 * when mounted inside a cgroup namespace or bound from a subtree, the mountinfo line's 4th field).
 *
 * @param dir the mount's directory under the agent's configured roots
 * @param mountRoot the hierarchy path the mount shows as its root
 */
public record CgroupMount(Path dir, String mountRoot) {

  /** Where cgroup hierarchies are mounted on a host; the configured cgroup root stands for it. */
  public static final String HOST_CGROUP_ROOT = "/sys/fs/cgroup";

  /**
   * The directory of a cgroup path as {@code /proc/<pid>/cgroup} or a runtime names it, or empty
   * for a path that leaves the mounted tree ({@code ..}, seen from inside a cgroup namespace). The
   * mount root is stripped only as whole path elements: {@code /kubepods.slicex} is not below
   * {@code /kubepods.slice}.
   */
  public Optional<Path> resolve(String cgroupPath) {
    String p = cgroupPath;
    if (!mountRoot.equals("/") && (p.equals(mountRoot) || p.startsWith(mountRoot + "/"))) {
      p = p.substring(mountRoot.length());
    }
    int start = 0;
    while (start < p.length() && p.charAt(start) == '/') {
      start++;
    }
    if (start == p.length()) {
      return Optional.of(dir);
    }
    Path resolved = dir.resolve(p.substring(start)).normalize();
    return resolved.startsWith(dir) ? Optional.of(resolved) : Optional.empty();
  }

  /**
   * A host mount point as the agent sees it: below {@code cgroupRoot} when it is {@value
   * #HOST_CGROUP_ROOT} or below, else where {@code rootfs} maps it (the host's root directory as
   * mounted for the agent).
   */
  public static Path hostDir(String mountPoint, Path cgroupRoot, Function<String, Path> rootfs) {
    if (mountPoint.equals(HOST_CGROUP_ROOT)) {
      return cgroupRoot;
    }
    if (mountPoint.startsWith(HOST_CGROUP_ROOT + "/")) {
      return cgroupRoot.resolve(mountPoint.substring(HOST_CGROUP_ROOT.length() + 1));
    }
    return rootfs.apply(mountPoint);
  }
}
