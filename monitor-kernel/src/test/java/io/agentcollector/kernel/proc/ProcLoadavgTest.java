package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcLoadavgTest {

  @Test
  void realCaptureFromTheBuildMachine() throws Exception {
    assertThat(ProcLoadavg.parse(Files.readString(Fixtures.path("proc/loadavg"))))
        .isEqualTo(new ProcLoadavg(2.38, 2.51, 1.93));
  }

  @Test
  void onlyTheFirstThreeFieldsMatter() {
    assertThat(ProcLoadavg.parse("0.54 0.20 0.07\n")).isEqualTo(new ProcLoadavg(0.54, 0.2, 0.07));
    assertThat(ProcLoadavg.parse("  0.54  0.20 0.07 1/90 6650 future\n"))
        .isEqualTo(new ProcLoadavg(0.54, 0.2, 0.07));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "truncated     | 0.1 0.2               | /proc/loadavg line 1: expected 3 load averages in"
            + " \"0.1 0.2\"",
        "empty         | ''                    | /proc/loadavg line 1: expected 3 load averages in"
            + " \"\"",
        "not a number  | 0.1 x 0.3 1/2 3       | /proc/loadavg line 1: bad value \"x\" in \"0.1 x"
            + " 0.3 1/2 3\"",
        "not finite    | NaN 0.2 0.3 1/2 3     | /proc/loadavg line 1: bad value \"NaN\" in \"NaN"
            + " 0.2 0.3 1/2 3\"",
      })
  void malformedContentNamesLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcLoadavg.parse(content)).hasMessage(message);
  }
}
