package io.agentcollector.plugin.cgroupv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding a container's directory: /proc/<pid>/cgroup, mountinfo, runtime path spellings. */
class CgroupV2PathsTest {

  @Test
  void procPidCgroupUnifiedLine() {
    assertThat(ProcPidCgroup.parse("0::/docker/abc\n").unifiedPath()).contains("/docker/abc");
    assertThat(ProcPidCgroup.parse("9:name=systemd:/\n4:memory:/x\n0::/system.slice/ssh.service\n").unifiedPath())
        .as("hybrid host").contains("/system.slice/ssh.service");
    assertThat(ProcPidCgroup.parse("4:memory:/x\n1:cpu,cpuacct:/x\n").unifiedPath()).as("pure v1").isEmpty();
    assertThat(ProcPidCgroup.parse("0::/docker/abc (deleted)\n").unifiedPath()).contains("/docker/abc");
    assertThat(ProcPidCgroup.parse("0::/a:b\n").unifiedPath()).as("colon in path").contains("/a:b");
    assertThatThrownBy(() -> ProcPidCgroup.parse("4:memory:/x\ngarbage\n0::/\n")).hasMessageContaining("line 2");
  }

  @Test
  void mountinfoFields() {
    Mountinfo m = Mountinfo.parse("""
        30 21 0:26 / /sys/fs/cgroup rw,nosuid shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        544 28 8:17 / /mnt/backup\\040disk rw,relatime shared:320 master:2 - ext4 /dev/sdb1 rw
        601 30 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw
        """);
    assertThat(m.mounts()).containsExactly(
        new Mountinfo.Mount("/", "/sys/fs/cgroup", "cgroup2"),
        new Mountinfo.Mount("/", "/mnt/backup disk", "ext4"),
        new Mountinfo.Mount("/docker/abc", "/sys/fs/cgroup", "cgroup2"));
    assertThatThrownBy(() -> Mountinfo.parse("30 21 0:26 / /sys rw\n")).hasMessageContaining("mountinfo line 1");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/docker/abc, /docker/abc",
    "/system.slice/docker-abc.scope, /system.slice/docker-abc.scope",
    "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1_2.slice/cri-containerd-abc.scope,"
        + " /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1_2.slice/cri-containerd-abc.scope",
    "/kubepods-burstable-pod1_2.slice/cri-containerd-abc.scope,"
        + " /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1_2.slice/cri-containerd-abc.scope",
    "/user.slice/user-1000.slice/user@1000.service/app.slice/docker-abc.scope,"
        + " /user.slice/user-1000.slice/user@1000.service/app.slice/docker-abc.scope",
  })
  void systemdSlicesNestUnderTheirParents(String path, String expanded) {
    assertThat(CgroupV2Paths.expandSlices(path)).isEqualTo(expanded);
  }

  @Test
  void candidates() {
    assertThat(CgroupV2Paths.candidates("system.slice:docker:abc")).containsExactly("/system.slice/docker-abc.scope");
    assertThat(CgroupV2Paths.candidates("kubepods-besteffort-pod9.slice:cri-containerd:abc")).containsExactly(
        "/kubepods-besteffort-pod9.slice/cri-containerd-abc.scope",
        "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod9.slice/cri-containerd-abc.scope");
    assertThat(CgroupV2Paths.candidates("docker/abc")).containsExactly("/docker/abc");
    assertThat(CgroupV2Paths.candidates("")).isEmpty();
  }

  @Test
  void resolveStripsTheMountRootAndStaysInside() {
    Path dir = Path.of("/host/cgroup");
    CgroupV2Mount host = new CgroupV2Mount(dir, "/");
    assertThat(host.resolve("/docker/abc")).contains(dir.resolve("docker/abc"));
    assertThat(host.resolve("/")).contains(dir);
    assertThat(host.resolve("/../../etc")).as("outside a cgroup namespace's view").isEmpty();
    CgroupV2Mount namespaced = new CgroupV2Mount(dir, "/kubepods.slice");
    assertThat(namespaced.resolve("/kubepods.slice/pod/abc")).contains(dir.resolve("pod/abc"));
    assertThat(namespaced.resolve("/kubepods.slicex/abc")).contains(dir.resolve("kubepods.slicex/abc"));
  }

  @Test
  void hostMountPointsMapUnderTheConfiguredRoots() {
    HostPaths p = new HostPaths(Path.of("/h/proc"), Path.of("/h/sys"), Path.of("/h"), Path.of("/cg"));
    assertThat(CgroupV2Mount.hostDir("/sys/fs/cgroup", p)).isEqualTo(Path.of("/cg"));
    assertThat(CgroupV2Mount.hostDir("/sys/fs/cgroup/unified", p)).isEqualTo(Path.of("/cg/unified"));
    assertThat(CgroupV2Mount.hostDir("/mnt/cg", p)).isEqualTo(Path.of("/h/mnt/cg"));
    assertThat(CgroupV2Mount.hostDir("/sys/fs/cgroupx", p)).isEqualTo(Path.of("/h/sys/fs/cgroupx"));
  }
}
