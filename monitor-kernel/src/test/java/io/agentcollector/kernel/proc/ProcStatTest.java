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

class ProcStatTest {

  @Test
  void realCaptureFromTheBuildMachine() throws Exception {
    ProcStat s = ProcStat.parse(Files.readString(Fixtures.path("proc/stat")));
    assertThat(s.cpus()).hasSize(2);
    assertThat(s.cpus().get(0))
        .isEqualTo(ProcStat.CpuTicks.of(96801, 0, 29235, 436844, 372, 0, 1797, 0, 0, 0));
    assertThat(s.cpus().get(1))
        .isEqualTo(ProcStat.CpuTicks.of(103324, 0, 30772, 427628, 1467, 0, 2038, 0, 0, 0));
    assertThat(s.interrupts()).hasValue(3255692);
    assertThat(s.contextSwitches()).hasValue(7461835);
    assertThat(s.bootTime()).hasValue(1795500174);
    assertThat(s.forks()).hasValue(62090);
    assertThat(s.procsRunning()).hasValue(1);
    assertThat(s.procsBlocked()).hasValue(0);
    assertThat(s.softirqs())
        .containsExactly(0L, 212453L, 351L, 270695L, 270848L, 0L, 5L, 533168L, 0L, 496071L);
  }

  /** The lines every kernel writes after the cpu lines, for tests that care about cpus only. */
  private static final String TAIL =
      """
      intr 0
      ctxt 0
      btime 0
      processes 1
      procs_running 1
      procs_blocked 0
      softirq 0 0
      """;

  /**
   * {@code cpuLines} made a complete file: the aggregate cpu line if missing, then {@link #TAIL}.
   */
  static String complete(String cpuLines) {
    String head = cpuLines.startsWith("cpu ") ? "" : "cpu  0 0 0 0 0 0 0 0 0 0\n";
    return head + cpuLines + TAIL;
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of(
            "a future eleventh column",
            complete("cpu0 1 2 3 4 5 6 7 8 9 10 11\n"),
            List.of(ProcStat.CpuTicks.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))),
        Arguments.of(
            "offline cpu1 below cpu2",
            complete("cpu0 1 1 1 1 1 1 1 1 1 1\ncpu2 2 2 2 2 2 2 2 2 2 2\n"),
            List.of(
                ProcStat.CpuTicks.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
                ProcStat.CpuTicks.of(),
                ProcStat.CpuTicks.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2))),
        Arguments.of(
            "unknown lines and blank lines",
            complete("\nfuture_line 1 2\ncpu0 1 2 3 4 5 6 7 8 9 10\n\nalone\n"),
            List.of(ProcStat.CpuTicks.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))),
        Arguments.of("no cpuN line", complete(""), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void kernelVariants(String name, String content, List<ProcStat.CpuTicks> cpus) {
    ProcStat s = ProcStat.parse(content);
    assertThat(s.cpus()).containsExactlyElementsOf(cpus);
  }

  @Test
  void everyCutOfARealFileIsRefused() throws Exception {
    String full = Files.readString(Fixtures.path("proc/stat"));
    for (int cut = 0; cut < full.length(); cut++) {
      String prefix = full.substring(0, cut);
      assertThatThrownBy(() -> ProcStat.parse(prefix))
          .as("cut at byte %d", cut)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("/proc/stat");
    }
    assertThat(ProcStat.parse(full).cpus()).hasSize(2);
  }

  static Stream<Arguments> truncated() {
    return Stream.of(
        Arguments.of(
            "cpu line of a kernel before 2.6.33 (nine values)",
            complete("cpu0 1 2 3 4 5 6 7 8 9\n"),
            "/proc/stat line 2: 9 values, expected 10 or more: \"cpu0 1 2 3 4 5 6 7 8 9\""),
        Arguments.of(
            "aggregate cpu line cut",
            "cpu  1 2 3\n",
            "/proc/stat line 1: 3 values, expected 10 or more: \"cpu  1 2 3\""),
        Arguments.of(
            "cut in the last number",
            complete("").substring(0, complete("").length() - 2),
            "/proc/stat: no newline at the end, the file is cut short"),
        Arguments.of(
            "cut after a whole line",
            complete("cpu0 1 2 3 4 5 6 7 8 9 10\n").split("ctxt")[0],
            "/proc/stat: no ctxt line, the file is cut short"),
        Arguments.of("empty", "", "/proc/stat: no newline at the end, the file is cut short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("truncated")
  void truncatedContentIsRefused(String name, String content, String message) {
    assertThatThrownBy(() -> ProcStat.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void everyRequiredLineIsRead() {
    ProcStat s =
        ProcStat.parse(complete("cpu0 1 2 3 4 5 6 7 8 9 10\n").replace("ctxt 0", "ctxt 5"));
    assertThat(s.contextSwitches()).hasValue(5);
    assertThat(s.interrupts()).hasValue(0);
    assertThat(s.bootTime()).hasValue(0);
    assertThat(s.softirqs()).containsExactly(0L);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "letters in a cpu line",
            complete("cpu0 1 2 x 4 5 6 7 8 9 10\n"),
            "/proc/stat line 2: bad value \"x\" in \"cpu0 1 2 x 4 5 6 7 8 9 10\""),
        Arguments.of(
            "negative number", "ctxt -5\n", "/proc/stat line 1: bad value \"-5\" in \"ctxt -5\""),
        Arguments.of(
            "cpu name without a number",
            "cpuX 1 2 3 4 5 6 7 8 9 10\n",
            "/proc/stat line 1: bad value \"cpuX\" in \"cpuX 1 2 3 4 5 6 7 8 9 10\""),
        Arguments.of(
            "absurd cpu number",
            "cpu99999999 1 2 3 4 5 6 7 8 9 10\n",
            "/proc/stat line 1: bad value \"cpu99999999\" in \"cpu99999999 1 2 3 4 5 6 7 8 9 10\""),
        Arguments.of(
            "truncated softirq",
            "softirq 10 1 2 3.\n",
            "/proc/stat line 1: bad value \"3.\" in \"softirq 10 1 2 3.\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedContentNamesLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcStat.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
