package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcPidAttrCurrentTest {

  @Test
  void theEndMarksOfSelinuxAndAppArmorAreDropped() {
    assertThat(ProcPidAttrCurrent.parse("/proc/self/attr/current", "system_u:system_r:init_t:s0\0"))
        .isEqualTo("system_u:system_r:init_t:s0");
    assertThat(ProcPidAttrCurrent.parse("/proc/self/attr/current", "kernel\0")).isEqualTo("kernel");
    assertThat(ProcPidAttrCurrent.parse("/proc/self/attr/current", "unconfined\n"))
        .isEqualTo("unconfined");
    assertThatThrownBy(() -> ProcPidAttrCurrent.parse("/proc/self/attr/current", "a\0b"))
        .hasMessage("/proc/self/attr/current: control character in the context \"a\0b\"");
  }
}
