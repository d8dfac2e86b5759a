package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcNetSoftnetStatTest {

  @Test
  void realCaptureOfFifteenColumns() throws Exception {
    ProcNetSoftnetStat s =
        ProcNetSoftnetStat.parse(Files.readString(Fixtures.path("proc/net/softnet_stat")));
    assertThat(s.cpus())
        .containsExactly(
            new ProcNetSoftnetStat.Cpu(0x17ac57, 0, 11),
            new ProcNetSoftnetStat.Cpu(0x15602e, 0, 13));
  }

  @Test
  void olderKernelsWriteNineOrElevenColumnsAndCountersUpToFfffffff() {
    ProcNetSoftnetStat s =
        ProcNetSoftnetStat.parse(
            "ffffffff 00000001 0000002a 00000000 00000000 00000000 00000000 00000000 00000000\n"
                + "00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                + " 00000000 00000000 00000000\n");
    assertThat(s.cpus())
        .containsExactly(
            new ProcNetSoftnetStat.Cpu(4294967295L, 1, 42), new ProcNetSoftnetStat.Cpu(16, 0, 0));
  }

  static Stream<Arguments> garbage() {
    String rest = " 00000000 00000000 00000000 00000000 00000000 00000000\n";
    return Stream.of(
        Arguments.of(
            "eight columns",
            "00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n",
            "/proc/net/softnet_stat line 1: 8 columns, expected at least 9: \"00000001 00000000"
                + " 00000000 00000000 00000000 00000000 00000000 00000000\""),
        Arguments.of(
            "not hexadecimal",
            "0000000g 00000000 00000000" + rest,
            "/proc/net/softnet_stat line 1: not a 32-bit hexadecimal number: \"0000000g\""),
        Arguments.of(
            "a sign",
            "00000001 -0000001 00000000" + rest,
            "/proc/net/softnet_stat line 1: not a 32-bit hexadecimal number: \"-0000001\""),
        Arguments.of(
            "over 32 bits",
            "00000001 00000000 100000000" + rest,
            "/proc/net/softnet_stat line 1: not a 32-bit hexadecimal number: \"100000000\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcNetSoftnetStat.parse(content)).hasMessage(message);
  }
}
