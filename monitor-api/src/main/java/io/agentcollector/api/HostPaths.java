package io.agentcollector.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Roots of the host file systems a collector reads, like node_exporter's {@code --path.procfs},
 * {@code --path.sysfs} and {@code --path.rootfs}. They differ from {@code /proc}, {@code /sys} and
 * {@code /} when the agent runs in a container with the host mounted, or in tests on a fixture
 * tree.
 *
 * @param proc the procfs mount, default {@code /proc}
 * @param sys the sysfs mount, default {@code /sys}
 * @param rootfs the host's root file system, default {@code /}
 * @param cgroup the cgroup mount root, default {@code <sys>/fs/cgroup}
 */
public record HostPaths(Path proc, Path sys, Path rootfs, Path cgroup) {

  public HostPaths {
    Objects.requireNonNull(proc, "proc");
    Objects.requireNonNull(sys, "sys");
    Objects.requireNonNull(rootfs, "rootfs");
    Objects.requireNonNull(cgroup, "cgroup");
  }

  /** The paths of an agent running directly on the host. */
  public static HostPaths defaults() {
    return under(Path.of("/"));
  }

  /** A fixture tree laid out like a host: {@code root/proc}, {@code root/sys}, root as rootfs. */
  public static HostPaths under(Path root) {
    Path sys = root.resolve("sys");
    return new HostPaths(root.resolve("proc"), sys, root, sys.resolve("fs/cgroup"));
  }

  /** A file under the proc root, e.g. {@code proc("net", "dev")}. */
  public Path proc(String first, String... more) {
    return resolve(proc, first, more);
  }

  /** A file under the sys root, e.g. {@code sys("class", "net")}. */
  public Path sys(String first, String... more) {
    return resolve(sys, first, more);
  }

  /**
   * A host path as seen from the agent: {@code /etc/os-release} becomes {@code
   * <rootfs>/etc/os-release}.
   */
  public Path rootfs(String hostPath) {
    String relative = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
    return relative.isEmpty() ? rootfs : rootfs.resolve(relative);
  }

  private static Path resolve(Path root, String first, String... more) {
    Path p = root.resolve(first);
    for (String m : more) {
      p = p.resolve(m);
    }
    return p;
  }
}
