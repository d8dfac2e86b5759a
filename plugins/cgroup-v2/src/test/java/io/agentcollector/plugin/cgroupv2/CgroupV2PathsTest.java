package io.agentcollector.plugin.cgroupv2;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding a container's directory: runtime path spellings, host mount points (the parsing of
 * /proc/<pid>/cgroup and mountinfo is tested in monitor-kernel).
 */
class CgroupV2PathsTest {

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
    assertThat(CgroupV2Paths.candidates("system.slice:docker:abc"))
        .containsExactly("/system.slice/docker-abc.scope");
    assertThat(CgroupV2Paths.candidates("kubepods-besteffort-pod9.slice:cri-containerd:abc"))
        .containsExactly(
            "/kubepods-besteffort-pod9.slice/cri-containerd-abc.scope",
            "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod9.slice/cri-containerd-abc.scope");
    assertThat(CgroupV2Paths.candidates("docker/abc")).containsExactly("/docker/abc");
    assertThat(CgroupV2Paths.candidates("")).isEmpty();
  }

  @Test
  void hostMountPointsMapUnderTheConfiguredRoots() {
    HostPaths p =
        new HostPaths(Path.of("/h/proc"), Path.of("/h/sys"), Path.of("/h"), Path.of("/cg"));
    assertThat(CgroupV2Mount.hostDir("/sys/fs/cgroup", p)).isEqualTo(Path.of("/cg"));
    assertThat(CgroupV2Mount.hostDir("/sys/fs/cgroup/unified", p))
        .isEqualTo(Path.of("/cg/unified"));
    assertThat(CgroupV2Mount.hostDir("/mnt/cg", p)).isEqualTo(Path.of("/h/mnt/cg"));
    assertThat(CgroupV2Mount.hostDir("/sys/fs/cgroupx", p)).isEqualTo(Path.of("/h/sys/fs/cgroupx"));
  }
}
