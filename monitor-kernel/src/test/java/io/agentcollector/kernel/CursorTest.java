package io.agentcollector.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

  /** Lines and fields as the parsers split them before: split("\n"), strip, split("\\s+"). */
  private static List<List<String>> bySplit(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String s = line.strip();
      out.add(s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+")));
    }
    return out;
  }

  private static List<List<String>> byCursor(String text) {
    List<List<String>> out = new ArrayList<>();
    Cursor c = new Cursor(text);
    while (c.nextLine()) {
      List<String> fields = new ArrayList<>();
      int left = c.fieldsLeft();
      while (c.nextField()) {
        fields.add(c.field());
      }
      assertThat(fields).hasSize(left);
      out.add(fields);
    }
    return out;
  }

  @Test
  void splitsLinesAndFieldsAsSplitDid() {
    String text =
        "pgfault 12\n  Ip: 1\t2 \u000b 3 \r\n\n   \n\u001cx\u001cy\u0001z \u001f\n\u00a0last line\n\n\n";
    List<List<String>> expected = bySplit(text);
    List<List<String>> actual = byCursor(text);
    // split drops the trailing empty lines; the cursor stops at them, and they have no field.
    assertThat(actual.subList(0, expected.size())).isEqualTo(expected);
    assertThat(actual.subList(expected.size(), actual.size())).allMatch(List::isEmpty);
  }

  @Test
  void aLastLineWithoutNewlineIsALine() {
    assertThat(byCursor("a 1\nb 2")).containsExactly(List.of("a", "1"), List.of("b", "2"));
    assertThat(byCursor("")).isEmpty();
  }

  @Test
  void blankLinesAndLinesOfControlCharacters() {
    Cursor c = new Cursor(" \t\n\u0001\u0002\nx\n");
    assertThat(c.nextLine()).isTrue();
    assertThat(c.isBlank()).isTrue();
    assertThat(c.nextLine()).isTrue();
    assertThat(c.isBlank()).as("control characters are not whitespace").isFalse();
    assertThat(c.nextField()).isTrue();
    assertThat(c.field()).as("nor separators: part of a field").isEqualTo("\u0001\u0002");
    assertThat(c.nextLine()).isTrue();
    assertThat(c.lineNumber()).isEqualTo(3);
    assertThat(c.nextLine()).isFalse();
  }

  @Test
  void fieldsInPlace() {
    Cursor c = new Cursor("TcpExt: SyncookiesSent -17\n");
    c.nextLine();
    c.nextField();
    assertThat(c.is("TcpExt:")).isTrue();
    assertThat(c.is("TcpExt")).isFalse();
    assertThat(c.endsWith(':')).isTrue();
    c.nextField();
    Names names = new Names(4);
    assertThat(c.field(names)).isEqualTo("SyncookiesSent").isSameAs(c.field(names));
    c.nextField();
    assertThat(c.longValue()).isEqualTo(-17);
    assertThat(c.doubleValue()).isEqualTo(-17.0);
    assertThat(c.line()).isEqualTo("TcpExt: SyncookiesSent -17");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+7",
        "123456789012345678",
        "9007199254740993",
        "999999999999999999",
        "1234567890123456789",
        "18446744073709551615",
        "1.5",
        "-2.5e3",
        "NaN",
        "Infinity",
        "0x1p3",
        "12d"
      })
  void decimalsReadAsParseDoubleReadsThem(String number) {
    String s = "x " + number + " y";
    assertThat(Double.doubleToRawLongBits(Fields.decimal(s, 2, 2 + number.length())))
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(number)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", "1-2", "abc", "--1", "1 2"})
  void noDecimalIsANumberFormatException(String garbage) {
    String s = "x" + garbage + "y";
    assertThatThrownBy(() -> Fields.decimal(s, 1, 1 + garbage.length()))
        .isInstanceOf(NumberFormatException.class);
  }
}
