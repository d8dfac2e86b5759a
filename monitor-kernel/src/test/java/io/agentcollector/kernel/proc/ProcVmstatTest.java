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

class ProcVmstatTest {

  @Test
  void realCaptureKeepsEveryFieldRaw() throws Exception {
    ProcVmstat v = ProcVmstat.parse(Files.readString(Fixtures.path("proc/vmstat")));
    assertThat(v.fields())
        .hasSize(192)
        .containsEntry("nr_free_pages", 1035419.0)
        .containsEntry("pgpgin", 4054629.0)
        .containsEntry("oom_kill", 17.0);
  }

  @Test
  void vmstatKeepsEveryFieldRaw() {
    ProcVmstat v = ProcVmstat.parse("nr_free_pages 12345\npgpgin 4054629\n\noom_kill 17\n");
    assertThat(v.fields())
        .containsEntry("pgpgin", 4054629.0)
        .containsEntry("oom_kill", 17.0)
        .hasSize(3);
  }

  static Stream<Arguments> badVmstat() {
    return Stream.of(
        Arguments.of(
            "truncated line",
            "pgpgin 1\npgfault\n",
            "/proc/vmstat line 2: expected \"name value\", got \"pgfault\""),
        Arguments.of(
            "not a number", "pgpgin x1\n", "/proc/vmstat line 1: not a number in \"pgpgin x1\""),
        Arguments.of(
            "cut inside the last number (pgpgin 4054629)",
            "nr_free_pages 12345\npgpgin 405",
            "/proc/vmstat: no newline at the end, the file is cut short"),
        Arguments.of("empty", "", "/proc/vmstat: no newline at the end, the file is cut short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badVmstat")
  void vmstatGarbageNamesTheLine(String name, String content, String message) {
    assertThatThrownBy(() -> ProcVmstat.parse(content)).hasMessage(message);
  }
}
