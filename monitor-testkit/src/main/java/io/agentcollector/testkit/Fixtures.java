package io.agentcollector.testkit;

import io.agentcollector.api.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code testdata/fixtures/} of the source tree from any module's working directory.
 *
 * <p>The default tree holds real captures laid out like a host: {@code proc/}, {@code sys/}, {@code
 * rootfs/}; see its README for where each file came from.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The project's top directory (the one holding {@code monitor-api/} and {@code testdata/}). */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("monitor-api/pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no project root (monitor-api/pom.xml) above " + dir);
  }

  /** {@code testdata/fixtures}. */
  public static Path root() {
    return projectRoot().resolve("testdata/fixtures");
  }

  /** A path below {@code testdata/fixtures}. */
  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Host paths of the default fixture tree: {@code proc/}, {@code sys/}, {@code rootfs/}. */
  public static HostPaths hostPaths() {
    return hostPaths("");
  }

  /**
   * Host paths of a fixture tree below {@code testdata/fixtures}, e.g. {@code edge/no-pressure}
   * (empty for the default tree). Missing subtrees are fine: a collector sees absent files.
   */
  public static HostPaths hostPaths(String tree) {
    Path base = tree.isEmpty() ? root() : root().resolve(tree);
    Path sys = base.resolve("sys");
    return new HostPaths(
        base.resolve("proc"), sys, base.resolve("rootfs"), sys.resolve("fs/cgroup"));
  }
}
