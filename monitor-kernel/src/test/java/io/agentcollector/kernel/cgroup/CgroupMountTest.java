package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Merged from cgroup-v1's CgroupV1Layout.Controller and cgroup-v2's CgroupV2Mount; the differences
 * are the last two tests.
 */
class CgroupMountTest {

  private static final Path DIR = Path.of("/host/cgroup");

  @Test
  void resolveStripsTheMountRootAndStaysInside() {
    CgroupMount host = new CgroupMount(DIR, "/");
    assertThat(host.resolve("/docker/abc")).contains(DIR.resolve("docker/abc"));
    assertThat(host.resolve("/")).contains(DIR);
    assertThat(host.resolve("")).contains(DIR);
    CgroupMount namespaced = new CgroupMount(DIR, "/kubepods.slice");
    assertThat(namespaced.resolve("/kubepods.slice/pod/abc")).contains(DIR.resolve("pod/abc"));
    assertThat(namespaced.resolve("/kubepods.slice")).contains(DIR);
  }

  @Test
  void hostMountPointsMapUnderTheConfiguredRoots() {
    Path cgroup = Path.of("/cg");
    java.util.function.Function<String, Path> rootfs = p -> Path.of("/h").resolve(p.substring(1));
    assertThat(CgroupMount.hostDir("/sys/fs/cgroup", cgroup, rootfs)).isEqualTo(Path.of("/cg"));
    assertThat(CgroupMount.hostDir("/sys/fs/cgroup/cpu,cpuacct", cgroup, rootfs))
        .isEqualTo(Path.of("/cg/cpu,cpuacct"));
    assertThat(CgroupMount.hostDir("/mnt/cg", cgroup, rootfs)).isEqualTo(Path.of("/h/mnt/cg"));
    assertThat(CgroupMount.hostDir("/sys/fs/cgroupx", cgroup, rootfs))
        .isEqualTo(Path.of("/h/sys/fs/cgroupx"));
  }

  @Test
  void theMountRootIsStrippedOnlyAsWholePathElements() {
    // cgroup-v1's Controller.resolve stripped it as a string prefix: /kubepods.slicex/abc -> x/abc.
    CgroupMount namespaced = new CgroupMount(DIR, "/kubepods.slice");
    assertThat(namespaced.resolve("/kubepods.slicex/abc"))
        .contains(DIR.resolve("kubepods.slicex/abc"));
  }

  @Test
  void aPathCannotLeaveTheMountedTree() {
    // cgroup-v1's Controller.resolve resolved "/../../etc" to a directory outside the mount.
    CgroupMount host = new CgroupMount(DIR, "/");
    assertThat(host.resolve("/../../etc")).as("outside a cgroup namespace's view").isEmpty();
    assertThat(host.resolve("/docker/../../etc")).isEmpty();
    assertThat(host.resolve("//docker/abc")).contains(DIR.resolve("docker/abc"));
  }
}
