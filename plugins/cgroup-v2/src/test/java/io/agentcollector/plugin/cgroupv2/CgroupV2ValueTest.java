package io.agentcollector.plugin.cgroupv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CgroupV2ValueTest {

  @Test
  void numberOrMax() {
    assertThat(CgroupV2Value.parse("memory.max", "67108864\n").value()).isEqualTo(67108864);
    assertThat(CgroupV2Value.parse("memory.max", "max\n").isMax()).isTrue();
    assertThat(CgroupV2Value.parse("pids.current", "0\n").isMax()).isFalse();
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> CgroupV2Value.parse("pids.max", "unlimited\n"))
        .hasMessage("pids.max line 1: not a number: \"unlimited\"");
    assertThatThrownBy(() -> CgroupV2Value.parse("memory.current", "")).hasMessageContaining("memory.current line 1");
    assertThatThrownBy(() -> CgroupV2Value.parse("memory.current", "1\n2\n")).hasMessageContaining("memory.current line 1");
  }
}
