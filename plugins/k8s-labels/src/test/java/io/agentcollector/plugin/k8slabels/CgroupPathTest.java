package io.agentcollector.plugin.k8slabels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CgroupPathTest {

  private static final String UID = "7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21";
  private static final String ID =
      "f0d64011ff21798ac98339dab250c8dc7bd8c3e3f91e40d5f4470a72a3b764b1";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cgroupfs burstable   | /kubepods/burstable/pod" + UID + "/" + ID + "| " + ID,
        "cgroupfs guaranteed  | /kubepods/pod" + UID + "/" + ID + "| " + ID,
        "systemd containerd   | /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice/cri-containerd-"
            + ID
            + ".scope | "
            + ID,
        "systemd docker       | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice/docker-"
            + ID
            + ".scope | "
            + ID,
        "systemd guaranteed   | /kubepods.slice/kubepods-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice/crio-"
            + ID
            + ".scope | "
            + ID,
        "v1 hierarchy prefix  | /sys/fs/cgroup/memory/kubepods/besteffort/pod"
            + UID
            + "/"
            + ID
            + "| "
            + ID,
        "pod level only       | /kubepods/burstable/pod" + UID + "| ",
      })
  void podUidAndContainerId(String layout, String path, String id) {
    assertThat(CgroupPath.parse(path)).contains(new CgroupPath(UID, Optional.ofNullable(id)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker         | /docker/" + ID,
        "system slice   | /system.slice/containerd.service",
        "empty          | ''",
        "short uid      | /kubepods/burstable/pod7c1a3f5e/" + ID,
      })
  void notAPodCgroup(String what, String path) {
    assertThat(CgroupPath.parse(path)).isEmpty();
  }
}
