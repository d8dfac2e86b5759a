package io.agentcollector.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void splitsOnAnyRunOfWhitespaceLikeTheRegexDid() {
    String[] lines = {
      "  eth0: 1 2 3\t4   5 6 7 8 9 10 11 12 13 14 15 16",
      "8:0 Read 4096",
      "",
      "   \t ",
      "Total 0\n",
      "one",
      "a b c d e f g h i j k l m n o p q r s",
      "cr\r\nand\u000bvt\ffeed",
    };
    for (String line : lines) {
      String[] expected = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
      assertThat(Fields.split(line)).as(line).containsExactly(expected);
    }
  }

  @Test
  void splitsARange() {
    String s = "lo: 10 20\neth0: 30 40\n";
    int start = s.indexOf("eth0:") + 5;
    assertThat(Fields.split(s, start, s.indexOf('\n', start))).containsExactly("30", "40");
  }

  @Test
  void countsNonBlankLines() {
    assertThat(Fields.countLines("")).isZero();
    assertThat(Fields.countLines("\n")).isZero();
    assertThat(Fields.countLines("1\n22\n333\n")).isEqualTo(3);
    assertThat(Fields.countLines("1\n\n 22")).as("a blank line, no final newline").isEqualTo(2);
  }

  @Test
  void numbersNameFileLineAndValue() {
    assertThat(Fields.number("cpu.stat", 1, "nr_periods 42\n", 11, 13)).isEqualTo(42);
    assertThatThrownBy(() -> Fields.number("cpu.stat", 3, "12a"))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(NumberFormatException.class)
        .hasMessage("cpu.stat line 3: not a number: \"12a\"");
    assertThat(Fields.unsigned("/proc/net/dev", 3, "18446744073709551615", 0, 20)).isEqualTo(-1);
    assertThatThrownBy(() -> Fields.unsigned("/proc/net/dev", 3, "-1", 0, 2))
        .hasMessage("/proc/net/dev line 3: not a number: \"-1\"");
  }
}
