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

class ProcSchedstatTest {

  @Test
  void cpuLinesOfAVersion15File() throws Exception {
    String content = Files.readString(Fixtures.hostPaths("edge/cpu-schedstat").proc("schedstat"));
    assertThat(ProcSchedstat.parse(content).cpus())
        .containsExactly(
            new ProcSchedstat.Cpu("0", 2195431254983L, 192847726154L, 1452101),
            new ProcSchedstat.Cpu("1", 2160098312447L, 187120533908L, 1413902));
  }

  @Test
  void version17DomainNamesAndExtraValuesAreIgnored() {
    String v17 =
        """
        version 17
        timestamp 4295892969
        cpu0 0 0 5 1 3 2 100 200 7 42
        domain0 SMT 00000003 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
        cpus 1 2 3
        """;
    assertThat(ProcSchedstat.parse(v17).cpus())
        .containsExactly(new ProcSchedstat.Cpu("0", 100, 200, 7));
    assertThat(ProcSchedstat.parse("").cpus()).isEmpty();
  }

  @Test
  void everyCutOfTheCpuLinesIsRefused() throws Exception {
    String full = "cpu0 0 0 1843563 612937 953112 402277 2195431254983 192847726154 1452101\n";
    for (int cut = 1; cut < full.length(); cut++) {
      String prefix = full.substring(0, cut);
      assertThatThrownBy(() -> ProcSchedstat.parse(prefix))
          .as("cut at byte %d", cut)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("/proc/schedstat");
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "eight values",
            "cpu0 1 2 3 4 5 6 7 8\n",
            "/proc/schedstat line 1: 8 values, expected" + " 9: \"cpu0 1 2 3 4 5 6 7 8\""),
        Arguments.of(
            "garbage in a value not kept",
            "version 15\ncpu1 1 x 3 4 5 6 7 8 9\n",
            "/proc/schedstat line 2: not a number: \"x\""),
        Arguments.of(
            "negative time",
            "cpu1 1 2 3 4 5 6 -7 8 9\n",
            "/proc/schedstat line 1: not a number: \"-7\""),
        Arguments.of(
            "bad cpu name",
            "cpu1a 1 2 3 4 5 6 7 8 9\n",
            "/proc/schedstat line 1: bad CPU \"cpu1a\" in \"cpu1a 1 2 3 4 5 6 7 8 9\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void garbageIsRefusedNamingLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcSchedstat.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
