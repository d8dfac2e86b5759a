package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.proc.ProcDiskstats.Field;
import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcDiskstatsTest {

  @Test
  void realCaptureConvertsSectorsAndMilliseconds() throws Exception {
    ProcDiskstats stats = ProcDiskstats.parse(Files.readString(Fixtures.path("proc/diskstats")));
    assertThat(stats.devices())
        .extracting(ProcDiskstats.Device::name)
        .containsExactly(
            "loop0", "loop1", "loop2", "loop3", "loop4", "loop5", "loop6", "loop7", "vda", "zram0");
    ProcDiskstats.Device vda = stats.devices().get(8);
    assertThat(vda.major()).isEqualTo(254);
    assertThat(vda.minor()).isZero();
    assertThat(vda.values()).hasSize(17);
    assertThat(vda.values().get(Field.READS_COMPLETED)).isEqualTo(215002);
    assertThat(vda.values().get(Field.READ_BYTES)).isEqualTo(7910146 * 512.0);
    assertThat(vda.values().get(Field.READ_TIME_SECONDS)).isEqualTo(53.702);
    assertThat(vda.values().get(Field.IO_TIME_WEIGHTED_SECONDS)).isEqualTo(113.646);
    assertThat(vda.values().get(Field.DISCARDED_SECTORS)).as("stays in sectors").isEqualTo(1737488);
    // 6015 * 0.001 in floating point, bit for bit what node_exporter prints.
    assertThat(vda.values().get(Field.FLUSH_TIME_SECONDS)).isEqualTo(6.015000000000001);
  }

  static Stream<Arguments> kernelVariants() {
    return Stream.of(
        Arguments.of("before 4.18: 14 columns", " 8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n", 11),
        Arguments.of(
            "4.18+: 18 columns, discards", " 8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n", 15),
        Arguments.of(
            "5.5+: 20 columns, flushes",
            " 8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n",
            17),
        Arguments.of(
            "a future kernel's extra column",
            " 8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18\n",
            17),
        Arguments.of(
            "tabs, trailing blanks, empty lines",
            "\n8\t0\tsda 1 2 3 4 5 6 7 8 9 10 11   \n\n",
            11));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernelVariants")
  void kernelVariants(String name, String content, int fields) {
    ProcDiskstats.Device d = ProcDiskstats.parse(content).devices().get(0);
    assertThat(d.name()).isEqualTo("sda");
    assertThat(d.values()).hasSize(fields);
    assertThat(d.values().get(Field.IO_NOW)).isEqualTo(9);
    assertThat(d.values().get(Field.IO_TIME_WEIGHTED_SECONDS)).isEqualTo(0.011);
  }

  @Test
  void emptyFileHasNoDevices() {
    assertThat(ProcDiskstats.parse("").devices()).isEmpty();
  }

  @Test
  void countersAreUnsigned64Bit() {
    ProcDiskstats.Device d =
        ProcDiskstats.parse("8 0 sda 18446744073709551615 0 0 0 0 0 0 0 0 0 0\n").devices().get(0);
    assertThat(d.values().get(Field.READS_COMPLETED)).isEqualTo(1.8446744073709552e19);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "truncated line",
            "8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n8 1 sda1 1 2 3\n",
            "/proc/diskstats line 2: 6 columns, expected 14 or more: \"8 1 sda1 1 2 3\""),
        Arguments.of(
            "not a number",
            "8 0 sda 1 2 3 4 5 6 7 8 9 10 x\n",
            "/proc/diskstats line 1: \"x\" is not a counter"),
        Arguments.of(
            "negative",
            "8 0 sda 1 2 3 4 5 6 7 8 9 -10 11\n",
            "/proc/diskstats line 1: \"-10\" is not a counter"),
        Arguments.of(
            "cut in the last counter (no final newline)",
            "8 0 sda 1 2 3 4 5 6 7 8 9 10 1",
            "/proc/diskstats: no newline at the end, the file is cut short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedContentNamesFileLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcDiskstats.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
