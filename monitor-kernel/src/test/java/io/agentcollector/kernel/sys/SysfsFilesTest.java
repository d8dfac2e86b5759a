package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysfsFilesTest {

  @Test
  void listsInNameOrderAndAMissingDirectoryIsEmpty(@TempDir Path dir) throws Exception {
    for (String n : new String[] {"mc10", "mc2", "mcx", "mc", "power", "mc0"}) {
      Files.createDirectory(dir.resolve(n));
    }
    assertThat(SysfsFiles.list(dir)).containsExactly("mc", "mc0", "mc10", "mc2", "mcx", "power");
    assertThat(SysfsFiles.numbered(dir, "mc")).containsExactly("mc0", "mc10", "mc2");
    assertThat(SysfsFiles.list(dir.resolve("nothing"))).isEmpty();
    Path file = Files.writeString(dir.resolve("file"), "1\n");
    assertThat(SysfsFiles.list(file)).as("not a directory").isEmpty();
    assertThat(SysfsFiles.digitsAt("mc12x", 2)).isEqualTo("12");
  }

  @Test
  void requiredAttributesThrowOptionalOnesAreEmpty(@TempDir Path dir) throws Exception {
    Path type = Files.writeString(dir.resolve("type"), "  Processor \n");
    assertThat(SysfsFiles.read(type)).isEqualTo("Processor");
    assertThatThrownBy(() -> SysfsFiles.read(dir.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(SysfsFiles.readIfPresent(dir.resolve("missing"))).isEmpty();
    assertThat(SysfsFiles.readIfPresent(dir)).as("a directory").isEmpty();
    assertThat(SysfsFiles.readIfPresent(type)).hasValue("Processor");
  }

  @Test
  void labelsAreUtf8WithEachRunOfInvalidBytesOneReplacement() {
    String raw =
        new String("Caf\u00e9 ".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
            + "\u00ff\u00fe!";
    assertThat(SysfsFiles.label(raw)).isEqualTo("Caf\u00e9 \uFFFD!");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"'45000\n', 45000", "-1, -1", "+7, 7", "-9223372036854775808, -9223372036854775808"})
  void decimals(String text, long value) {
    assertThat(SysfsFiles.decimal("/f", text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0x1b, 27",
    "0X1B, 27",
    "017, 15",
    "0o17, 15",
    "0b101, 5",
    "0, 0",
    "'  42\n', 42",
    "0xffffffffffffffff, -1",
    "18446744073709551615, -1"
  })
  void anyBaseUnsigned(String text, long value) {
    assertThat(SysfsFiles.anyBase("/f", text, false)).isEqualTo(value);
  }

  @Test
  void anyBaseSigned() {
    assertThat(SysfsFiles.anyBase("/f", "-0x10", true)).isEqualTo(-16);
    assertThat(SysfsFiles.anyBase("/f", "-9223372036854775808", true)).isEqualTo(Long.MIN_VALUE);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"''", "abc", "0x", "08", "1.5", "-", "1 2", "0xfg", "18446744073709551616", "+"})
  void garbageNamesFileAndValue(String text) {
    assertThatThrownBy(() -> SysfsFiles.anyBase("/sys/x/y", text, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/sys/x/y: not a number: \"" + text + "\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"''", "-", "+", "1.0", "0x10", "9223372036854775808", "\u0661"})
  void garbageDecimals(String text) {
    assertThatThrownBy(() -> SysfsFiles.decimal("/sys/x/y", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("/sys/x/y: not a number");
    assertThatThrownBy(() -> SysfsFiles.unsigned("/sys/x/y", "-" + text))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
