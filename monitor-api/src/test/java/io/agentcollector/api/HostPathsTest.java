package io.agentcollector.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostPathsTest {

  @Test
  void defaultsAreTheHostsOwnMounts() {
    HostPaths p = HostPaths.defaults();
    assertThat(p.proc("net", "dev")).isEqualTo(Path.of("/proc/net/dev"));
    assertThat(p.sys("class", "net")).isEqualTo(Path.of("/sys/class/net"));
    assertThat(p.cgroup()).isEqualTo(Path.of("/sys/fs/cgroup"));
    assertThat(p.rootfs("/etc/os-release")).isEqualTo(Path.of("/etc/os-release"));
  }

  @Test
  void hostPathsMapUnderAMountedRootfs() {
    HostPaths p = HostPaths.under(Path.of("/host"));
    assertThat(p.proc("stat")).isEqualTo(Path.of("/host/proc/stat"));
    assertThat(p.rootfs("/etc/os-release")).isEqualTo(Path.of("/host/etc/os-release"));
    assertThat(p.rootfs("/")).isEqualTo(Path.of("/host"));
    assertThat(ApiVersion.get()).matches("\\d+\\.\\d+\\.\\d+");
  }
}
