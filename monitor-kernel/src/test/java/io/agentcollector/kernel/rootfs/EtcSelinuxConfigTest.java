package io.agentcollector.kernel.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtcSelinuxConfigTest {

  @Test
  void readAsGoSelinuxReadsIt() {
    EtcSelinuxConfig c =
        EtcSelinuxConfig.parse(
            """
            # This file controls the state of SELinux on the system.
            ; SELINUX=disabled
              SELINUX="permissive"
            SELINUX=enforcing
            SELINUXTYPE=targeted
            a line without an equals sign
            SELINUX_OTHER = x
            """);
    assertThat(c.value(EtcSelinuxConfig.SELINUX))
        .as("the first line counts")
        .isEqualTo("permissive");
    assertThat(c.value("SELINUXTYPE")).isEqualTo("targeted");
    assertThat(c.value("SELINUX_OTHER")).as("the key ends at '='").isEmpty();
    assertThat(c.value("SELINUX_OTHER ")).isEqualTo(" x");
    assertThat(EtcSelinuxConfig.parse("").value(EtcSelinuxConfig.SELINUX)).isEmpty();
  }
}
