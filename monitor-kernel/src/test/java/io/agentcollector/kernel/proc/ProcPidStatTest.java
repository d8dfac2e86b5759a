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

class ProcPidStatTest {

  private static final String REST =
      " 1 1 0 -1 4194560 1 2 0 0 6 1 4 3 20 0 3 0 2242905 169529344\n";

  @Test
  void realCaptures() throws Exception {
    assertThat(parse("proc/18903/stat")).isEqualTo(new ProcPidStat('S', 3));
    assertThat(parse("proc/18903/task/19035/stat")).isEqualTo(new ProcPidStat('S', 3));
    assertThat(parse("proc/12798/stat")).as("a kworker").isEqualTo(new ProcPidStat('I', 1));
  }

  @Test
  void theCommandNameMayHoldSpacesAndParentheses() {
    assertThat(ProcPidStat.parse("/proc/7/stat", "7 (a) b (c) ) R 1" + REST))
        .isEqualTo(new ProcPidStat('R', 3));
    assertThat(ProcPidStat.parse("/proc/7/stat", "7 () Z 1" + REST))
        .isEqualTo(new ProcPidStat('Z', 3));
  }

  @Test
  void onlyTheGivenLengthOfTheBufferIsRead() {
    byte[] b = ("7 (x) D 1" + REST + "9 (y) R 1 1").getBytes();
    assertThat(ProcPidStat.parse("/proc/7/stat", b, ("7 (x) D 1" + REST).length()))
        .isEqualTo(new ProcPidStat('D', 3));
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("empty", "", "expected \"pid (comm) state ...\""),
        Arguments.of("no parenthesis", "7 x S 1" + REST, "expected \"pid (comm) state ...\""),
        Arguments.of(
            "a two-letter state", "7 (x) SS 1" + REST, "expected \"pid (comm) state ...\""),
        Arguments.of(
            "cut before num_threads",
            "7 (x) S 1 1 0 -1 4 1 2 0 0 6 1 4 3 20 0\n",
            "fewer than 20 fields"),
        Arguments.of(
            "num_threads no number",
            "7 (x) S 1 1 0 -1 4194560 1 2 0 0 6 1 4 3 20 0 0 three 0\n",
            "num_threads not a number: \"three\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesTheFile(String name, String content, String what) {
    assertThatThrownBy(() -> ProcPidStat.parse("/proc/7/stat", content))
        .hasMessageStartingWith("/proc/7/stat line 1: ")
        .hasMessageContaining(what);
  }

  private static ProcPidStat parse(String fixture) throws Exception {
    return ProcPidStat.parse("/" + fixture, Files.readString(Fixtures.path(fixture)));
  }
}
