package io.agentcollector.plugin.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CgroupsPathTest {

  static final String ID = "f0d64011ff21798ac98339dab250c8dc7bd8c3e3f91e40d5f4470a72a3b764b1";
  static final String UID = "7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
      # kubelet + containerd, systemd driver, by QoS class
      kubepods-besteffort-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice:cri-containerd:ID | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice/cri-containerd-ID.scope
      kubepods-burstable-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice:cri-containerd:ID  | /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice/cri-containerd-ID.scope
      kubepods-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice:cri-containerd:ID            | /kubepods.slice/kubepods-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice/cri-containerd-ID.scope
      # systemd driver without a slice: runc puts it under system.slice
      :docker:ID                                                                        | /system.slice/docker-ID.scope
      # the root slice
      -.slice:nerdctl:ID                                                                | /nerdctl-ID.scope
      # no prefix
      machine.slice::ID                                                                 | /machine.slice/ID.scope
      # the name is itself a slice
      user.slice::user-1000.slice                                                       | /user.slice/user-1000.slice
      # cgroupfs driver: already a path
      /kubepods/besteffort/pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21/ID                   | /kubepods/besteffort/pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21/ID
      /k8s.io/ID                                                                        | /k8s.io/ID
      # relative cgroupfs path
      default/ID                                                                        | /default/ID
      # none: the readers use /proc/<pid>/cgroup
      ''                                                                                |
      """)
  void toHierarchyPath(String cgroupsPath, String expected) {
    assertThat(CgroupsPath.toHierarchyPath(cgroupsPath.replace("ID", ID)))
        .isEqualTo(expected == null ? "" : expected.replace("ID", ID));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      system.slice               | /system.slice
      a-b-c.slice                | /a.slice/a-b.slice/a-b-c.slice
      -.slice                    | /
      # names systemd rejects are kept whole, not split
      a--b.slice                 | /a--b.slice
      -a.slice                   | /-a.slice
      nodot                      | /nodot
      """)
  void expandSlice(String slice, String expected) {
    assertThat(CgroupsPath.expandSlice(slice)).isEqualTo(expected);
  }
}
