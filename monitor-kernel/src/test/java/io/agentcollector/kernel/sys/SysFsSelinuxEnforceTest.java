package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SysFsSelinuxEnforceTest {

  @Test
  void enforcingOrPermissive() {
    assertThat(SysFsSelinuxEnforce.parse("/sys/fs/selinux/enforce", "1")).isEqualTo(1);
    assertThat(SysFsSelinuxEnforce.parse("/sys/fs/selinux/enforce", "0\n")).isZero();
    assertThatThrownBy(() -> SysFsSelinuxEnforce.parse("/sys/fs/selinux/enforce", "2"))
        .hasMessage("/sys/fs/selinux/enforce: expected 0 or 1, got \"2\"");
  }
}
