package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merged from cgroup-v1's and cgroup-v2's Mountinfo; the difference is the last test. */
class ProcMountinfoTest {

  @Test
  void aV1HostsCgroupMountsWithTheirControllers() throws Exception {
    ProcMountinfo m = ProcMountinfo.parse(KernelFiles.read(Fixtures.path("proc/1/mountinfo")));
    assertThat(m.mounts()).hasSize(20);
    assertThat(m.mounts())
        .filteredOn(x -> x.mountPoint().equals("/sys/fs/cgroup/memory"))
        .singleElement()
        .isEqualTo(
            new ProcMountinfo.Mount(
                "/", "/sys/fs/cgroup/memory", "cgroup", Set.of("rw", "memory")));
  }

  @Test
  void aV2HostsUnifiedMount() throws Exception {
    String content =
        KernelFiles.read(Fixtures.path("cgroup/v2/kubelet-systemd/proc/self/mountinfo"));
    assertThat(ProcMountinfo.parse(content).mounts())
        .filteredOn(x -> x.fsType().equals("cgroup2"))
        .singleElement()
        .isEqualTo(
            new ProcMountinfo.Mount(
                "/",
                "/sys/fs/cgroup",
                "cgroup2",
                Set.of("rw", "nsdelegate", "memory_recursiveprot")));
  }

  @Test
  void optionalFieldsRootsAndEscapes() {
    ProcMountinfo m =
        ProcMountinfo.parse(
"""
31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:12 - cgroup cgroup rw,cpu,cpuacct
544 28 8:17 / /mnt/backup\\040disk rw,relatime shared:320 master:2 - ext4 /dev/sdb1 rw
601 30 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw
50 22 8:1 /data\\011tab /mnt/a\\9ab\\134b rw - ext4 /dev/sda1
""");
    assertThat(m.mounts().get(0).superOptions()).containsExactlyInAnyOrder("rw", "cpu", "cpuacct");
    assertThat(m.mounts().get(1).mountPoint()).isEqualTo("/mnt/backup disk");
    assertThat(m.mounts().get(2).root()).isEqualTo("/docker/abc");
    assertThat(m.mounts().get(3).root()).isEqualTo("/data\ttab");
    // Found by the fuzz target: "\9ab" is no octal escape and stays as written.
    assertThat(m.mounts().get(3).mountPoint()).isEqualTo("/mnt/a\\9ab\\b");
    assertThat(m.mounts().get(3).superOptions()).as("none given").containsExactly("");
  }

  @Test
  void aSuperOptionTwiceIsKeptOnce() {
    // Found by the fuzz target: Set.of threw "duplicate element", naming no file.
    ProcMountinfo m =
        ProcMountinfo.parse("31 30 0:28 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu,cpu\n");
    assertThat(m.mounts().get(0).superOptions()).containsExactlyInAnyOrder("rw", "cpu");
  }

  @Test
  void garbageNamesTheLine() {
    assertThatThrownBy(() -> ProcMountinfo.parse("\ngarbage line\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/proc/<pid>/mountinfo line 2: not a mount entry: \"garbage line\"");
    assertThatThrownBy(() -> ProcMountinfo.parse("30 21 0:26 / /sys rw\n"))
        .hasMessageContaining("line 1");
  }

  @Test
  void aLineWithoutItsSourceIsRefused() {
    // cgroup-v2's copy took a line that ended after the file system type.
    assertThatThrownBy(() -> ProcMountinfo.parse("30 21 0:26 / /sys/fs/cgroup rw - cgroup2\n"))
        .hasMessage(
            "/proc/<pid>/mountinfo line 1: not a mount entry: \"30 21 0:26 / /sys/fs/cgroup rw -"
                + " cgroup2\"");
  }
}
