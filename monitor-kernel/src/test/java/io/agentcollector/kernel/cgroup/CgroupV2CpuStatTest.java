package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CgroupV2CpuStatTest {

  private static final OptionalLong NO_BURSTS = OptionalLong.empty();
  private static final OptionalDouble NO_BURST_TIME = OptionalDouble.empty();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "kernel 6.x with cpu controller and unknown keys",
            "usage_usec 4821337\n"
                + "user_usec 3104552\n"
                + "system_usec 1716785\n"
                + "core_sched.force_idle_usec 0\n"
                + "nr_periods 9120\n"
                + "nr_throttled 431\n"
                + "throttled_usec 27554108\n"
                + "nr_bursts 12\n"
                + "burst_usec 340000\n",
            new CgroupV2CpuStat(
                4.821337,
                3.104552,
                1.716785,
                9120,
                431,
                27.554108,
                OptionalLong.of(12),
                OptionalDouble.of(0.34))),
        Arguments.of(
            "no cpu controller (this host's unified tree, with nice_usec)",
            "usage_usec 90643\nuser_usec 51796\nsystem_usec 38847\nnice_usec 0\n",
            new CgroupV2CpuStat(0.090643, 0.051796, 0.038847, 0, 0, 0, NO_BURSTS, NO_BURST_TIME)),
        Arguments.of(
            "empty file", "", new CgroupV2CpuStat(0, 0, 0, 0, 0, 0, NO_BURSTS, NO_BURST_TIME)),
        Arguments.of(
            "no trailing newline, extra spaces",
            "usage_usec   1000000",
            new CgroupV2CpuStat(1, 0, 0, 0, 0, 0, NO_BURSTS, NO_BURST_TIME)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, String content, CgroupV2CpuStat expected) {
    assertThat(CgroupV2CpuStat.parse(content)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejects(String content, String message) {
    assertThatThrownBy(() -> CgroupV2CpuStat.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "usage_usec 1\nuser_usec\n",
            "cpu.stat line 2: expected \"key value\", got \"user_usec\""),
        Arguments.of("usage_usec 1.5\n", "cpu.stat line 1: not a number: \"1.5\""));
  }
}
