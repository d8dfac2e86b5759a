package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CgroupV2CpuMaxTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no quota", "max 100000\n", new CgroupV2CpuMax(OptionalLong.empty(), 100000)),
        Arguments.of(
            "half a CPU", "50000 100000\n", new CgroupV2CpuMax(OptionalLong.of(50000), 100000)),
        Arguments.of(
            "two CPUs, short period",
            "20000 10000\n",
            new CgroupV2CpuMax(OptionalLong.of(20000), 10000)),
        Arguments.of("quota only", "max\n", new CgroupV2CpuMax(OptionalLong.empty(), 0)),
        Arguments.of("empty", "", CgroupV2CpuMax.NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, String content, CgroupV2CpuMax expected) {
    assertThat(CgroupV2CpuMax.parse(content)).isEqualTo(expected);
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> CgroupV2CpuMax.parse("half 100000\n"))
        .hasMessage("cpu.max line 1: not a number: \"half\"");
    assertThatThrownBy(() -> CgroupV2CpuMax.parse("1 2 3\n"))
        .hasMessageContaining("cpu.max line 1");
    // Found by CgroupV2CpuMaxFuzzTest: control characters survive strip() but are no field, and
    // f[0] threw ArrayIndexOutOfBounds.
    assertThatThrownBy(() -> CgroupV2CpuMax.parse("\u0001\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cpu.max line 1: expected \"$MAX $PERIOD\", got \"\u0001\"");
  }
}
