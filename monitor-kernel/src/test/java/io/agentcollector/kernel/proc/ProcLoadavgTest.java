package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProcLoadavgTest {

  @Test
  void realCaptureFromTheBuildMachine() throws Exception {
    assertThat(ProcLoadavg.parse(Files.readString(Fixtures.path("proc/loadavg"))))
        .isEqualTo(new ProcLoadavg(2.38, 2.51, 1.93));
  }

  @Test
  void onlyTheFirstThreeFieldsMatter() {
    assertThat(ProcLoadavg.parse("0.54 0.20 0.07 1/90 6650\n"))
        .isEqualTo(new ProcLoadavg(0.54, 0.2, 0.07));
    assertThat(ProcLoadavg.parse("  0.54  0.20 0.07 1/90 6650 future\n"))
        .isEqualTo(new ProcLoadavg(0.54, 0.2, 0.07));
  }

  @Test
  void everyCutOfARealFileIsRefused() throws Exception {
    // Before: "2.38 2.51 1.9" read as a 15 minute load of 1.9, "2.38 2.51 1.93" was accepted.
    String full = Files.readString(Fixtures.path("proc/loadavg"));
    for (int cut = 0; cut < full.length(); cut++) {
      String prefix = full.substring(0, cut);
      assertThatThrownBy(() -> ProcLoadavg.parse(prefix))
          .as("cut at byte %d", cut)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("/proc/loadavg");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cut in the third value | 0.1 0.2 0.3 | /proc/loadavg: no newline at the end, the file is"
            + " cut short",
        "empty                  | ''          | /proc/loadavg: no newline at the end, the file is"
            + " cut short",
      })
  void truncatedContentIsRefused(String name, String content, String message) {
    assertThatThrownBy(() -> ProcLoadavg.parse(content)).hasMessage(message);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "two load averages",
            "0.1 0.2\n",
            "/proc/loadavg line 1: 2 fields, expected 5 (the file is cut short): \"0.1 0.2\""),
        Arguments.of(
            "no tasks, no pid",
            "0.1 0.2 0.3\n",
            "/proc/loadavg line 1: 3 fields, expected 5 (the file is cut short): \"0.1 0.2 0.3\""),
        Arguments.of(
            "blank line",
            "\n",
            "/proc/loadavg line 1: 0 fields, expected 5 (the file is cut short): \"\""),
        Arguments.of(
            "not a number",
            "0.1 x 0.3 1/2 3\n",
            "/proc/loadavg line 1: bad value \"x\" in \"0.1 x 0.3 1/2 3\""),
        Arguments.of(
            "not finite",
            "NaN 0.2 0.3 1/2 3\n",
            "/proc/loadavg line 1: bad value \"NaN\" in \"NaN 0.2 0.3 1/2 3\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedContentNamesLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcLoadavg.parse(content)).hasMessage(message);
  }
}
