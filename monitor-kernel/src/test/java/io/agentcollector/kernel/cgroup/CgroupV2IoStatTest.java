package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.cgroup.CgroupV2IoStat.Device;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CgroupV2IoStatTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "two devices with discard counters",
            "8:0 rbytes=120586240 wbytes=33554432 rios=2941 wios=812 dbytes=0 dios=0\n"
                + "8:16 rbytes=4096 wbytes=917504 rios=1 wios=224 dbytes=0 dios=0\n",
            List.of(
                new Device(8, 0, 120586240, 33554432, 2941, 812),
                new Device(8, 16, 4096, 917504, 1, 224))),
        Arguments.of(
            "io.cost and io.latency keys",
            "259:0 rbytes=73400320 wbytes=5242880 rios=1877 wios=342 dbytes=0 dios=0"
                + " cost.vrate=100.00 cost.usage=1234 cost.wait=0 cost.indebt=0 cost.indelay=0"
                + " use_delay=0 delay_nsec=0\n",
            List.of(new Device(259, 0, 73400320, 5242880, 1877, 342))),
        Arguments.of(
            "older kernel without discard",
            "254:0 rbytes=10 wbytes=20 rios=1 wios=2\n",
            List.of(new Device(254, 0, 10, 20, 1, 2))),
        Arguments.of("no I/O yet", "", List.of()),
        // Found by CgroupV2IoStatFuzzTest: a line of control characters is no field, not blank to
        // String.isBlank, and f[0] threw ArrayIndexOutOfBounds.
        Arguments.of(
            "a line of control characters",
            "\u0001\n254:0 rbytes=10\n",
            List.of(new Device(254, 0, 10, 0, 0, 0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, String content, List<Device> expected) {
    assertThat(CgroupV2IoStat.parse(content).devices()).isEqualTo(expected);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("8-0 rbytes=1\n", "io.stat line 1: expected MAJ:MIN, got \"8-0\""),
        Arguments.of(
            "8:0 rbytes=1\n8:16 rbytes\n", "io.stat line 2: expected key=value, got \"rbytes\""),
        Arguments.of("8:0 wbytes=x\n", "io.stat line 1: not a number: \"x\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejects(String content, String message) {
    assertThatThrownBy(() -> CgroupV2IoStat.parse(content)).hasMessage(message);
  }
}
