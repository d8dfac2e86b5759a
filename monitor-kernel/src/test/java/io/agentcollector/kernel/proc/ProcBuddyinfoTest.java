package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcBuddyinfoTest {

  @Test
  void realCaptureFromTheBuildMachine() throws Exception {
    List<ProcBuddyinfo.Zone> zones =
        ProcBuddyinfo.parse(Files.readString(Fixtures.path("proc/buddyinfo"))).zones();
    assertThat(zones)
        .extracting(ProcBuddyinfo.Zone::zone)
        .containsExactly("DMA", "DMA32", "Normal");
    assertThat(zones.get(0))
        .isEqualTo(
            new ProcBuddyinfo.Zone(
                "0", "DMA", List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 3L)));
    assertThat(zones.get(2).freeBlocks()).hasSize(11).endsWith(6L, 1510L);
  }

  @Test
  void twoNodesAndAnEmptyFile() {
    String numa =
        """
        Node 0, zone      DMA      1      1      1      0      2      1      1      0      1      1      3
        Node 1, zone   Normal   4381   1093    185   1530    567    102      4      0      0      0      0
        """;
    assertThat(ProcBuddyinfo.parse(numa).zones())
        .extracting(ProcBuddyinfo.Zone::node)
        .containsExactly("0", "1");
    assertThat(ProcBuddyinfo.parse("").zones()).isEmpty();
  }

  @Test
  void everyCutInsideALineIsRefused() throws Exception {
    // A cut after a whole line leaves whole zones: fewer series, never a wrong value.
    String full = Files.readString(Fixtures.path("proc/buddyinfo"));
    for (int cut = 1; cut < full.length(); cut++) {
      String prefix = full.substring(0, cut);
      if (prefix.endsWith("\n")) {
        continue;
      }
      assertThatThrownBy(() -> ProcBuddyinfo.parse(prefix))
          .as("cut at byte %d", cut)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("/proc/buddyinfo");
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "fewer orders than the line before",
            "Node 0, zone DMA 1 2 3\nNode 0, zone Normal 1 2\n",
            "/proc/buddyinfo line 2: 2 orders, the lines before have 3: \"Node 0, zone Normal 1"
                + " 2\""),
        Arguments.of(
            "not a count",
            "Node 0, zone DMA 1 x 3\n",
            "/proc/buddyinfo line 1: not a number: \"x\""),
        Arguments.of(
            "no zone",
            "Node 0, DMA 1 2 3\n",
            "/proc/buddyinfo line 1: expected \"Node <n>, zone <zone> <counts>\": \"Node 0, DMA 1 2"
                + " 3\""),
        Arguments.of(
            "blank line",
            "\n",
            "/proc/buddyinfo line 1: expected \"Node <n>, zone <zone> <counts>\": \"\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void garbageIsRefusedNamingLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcBuddyinfo.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
