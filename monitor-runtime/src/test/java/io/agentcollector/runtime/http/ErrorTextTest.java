package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

  @Test
  void absolutePathsBecomeTheirFileName() {
    assertThat(ErrorText.sanitize("cannot read /host/proc/diskstats: Permission denied"))
        .isEqualTo("cannot read …/diskstats: Permission denied");
    assertThat(ErrorText.sanitize("plugin (/opt/agent/plugins/bad.jar) failed; see /var/log/x.log"))
        .isEqualTo("plugin (…/bad.jar) failed; see …/x.log");
  }

  @Test
  void quotedFileBytesAndControlCharactersAreDropped() {
    String raw =
        "/proc/stat line 3: \"cpu0 \u0000\u00ff\u001b[31mgarbage\" is not a number\nsecond line";
    assertThat(ErrorText.sanitize(raw))
        .isEqualTo("…/stat line 3: \"…\" is not a number second line");
    assertThat(ErrorText.sanitize("bad value 'secret-token'")).isEqualTo("bad value \"…\"");
  }

  @Test
  void longMessagesAreCut() {
    String s = ErrorText.sanitize("x".repeat(500));
    assertThat(s).hasSize(ErrorText.MAX_LENGTH).endsWith("…");
  }

  @Test
  void relativeNamesAndUnitsStay() {
    assertThat(ErrorText.sanitize("timed out after 10s and was interrupted"))
        .isEqualTo("timed out after 10s and was interrupted");
    assertThat(ErrorText.sanitize("read 3/4 lines")).isEqualTo("read 3/4 lines");
    assertThat(ErrorText.sanitize(null)).isEmpty();
  }
}
