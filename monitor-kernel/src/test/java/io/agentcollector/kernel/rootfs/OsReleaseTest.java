package io.agentcollector.kernel.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OsReleaseTest {

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("double quotes", "NAME=\"Debian GNU/Linux\"", "NAME", "Debian GNU/Linux"),
        Arguments.of("unquoted", "ID=debian", "ID", "debian"),
        Arguments.of(
            "single quotes keep backslashes",
            "ID_LIKE='rhel \\fedora'",
            "ID_LIKE",
            "rhel \\fedora"),
        Arguments.of(
            "escapes in double quotes",
            "PRETTY_NAME=\"say \\\"hi\\\" \\u00e9\"",
            "PRETTY_NAME",
            "say \"hi\" \u00e9"),
        Arguments.of("comment after a value", "VERSION_ID=22.04   # LTS", "VERSION_ID", "22.04"),
        Arguments.of("export prefix", "export VARIANT=Server", "VARIANT", "Server"),
        Arguments.of(
            "comment line and blanks", "# comment\n\n  BUILD_ID=rolling  ", "BUILD_ID", "rolling"),
        Arguments.of("empty value is absent", "IMAGE_ID=\"\"", "IMAGE_ID", ""),
        Arguments.of("quotes concatenate", "NAME=a\"b c\"'d e'f", "NAME", "ab cd ef"),
        Arguments.of("quoted blanks before a comment", "ID=\"a  \" # c", "ID", "a  "),
        Arguments.of("# inside quotes", "ID=\"a#b\"", "ID", "a#b"),
        Arguments.of("every escape", "ID=\"\\b\\f\\r\\n\\t\\/\\\\\"", "ID", "\b\f\r\n\t/\\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void parsesLikeGoEnvparse(String name, String content, String key, String value) {
    assertThat(OsRelease.parse("/etc/os-release", content).get(key)).isEqualTo(value);
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("no =", "NAME Debian", "/etc/os-release line 1: missing = in \"NAME Debian\""),
        Arguments.of(
            "unmatched quote",
            "NAME=\"Debian",
            "/etc/os-release line 1: unmatched quote in \"NAME=\"Debian\""),
        Arguments.of("bad key", "1NAME=x", "/etc/os-release line 1: invalid key in \"1NAME=x\""),
        Arguments.of(
            "bad escape",
            "NAME=\"\\q\"",
            "/etc/os-release line 1: invalid escape \\q in \"NAME=\"\\q\"\""),
        Arguments.of(
            "incomplete escape",
            "NAME=\"a\\",
            "/etc/os-release line 1: incomplete escape in \"NAME=\"a\\\""),
        Arguments.of(
            "short \\u escape",
            "NAME=\"\\u12\"",
            "/etc/os-release line 1: incomplete or invalid \\u escape in \"NAME=\"\\u12\"\""),
        Arguments.of(
            "control character",
            "NAME=a\u0001b",
            "/etc/os-release line 1: control character in value in \"NAME=a\u0001b\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesTheLine(String name, String content, String message) {
    assertThatThrownBy(() -> OsRelease.parse("/etc/os-release", content)).hasMessage(message);
  }

  @Test
  void readsTheFixtureRootfs() throws Exception {
    OsRelease os = OsRelease.read(Fixtures.hostPaths().rootfs()).orElseThrow();
    assertThat(os.get("NAME")).isEqualTo("Debian GNU/Linux");
    assertThat(os.get("VERSION_ID")).isEqualTo("12");
  }

  @Test
  void etcFirstThenUsrLibAsUtf8(@TempDir Path rootfs) throws Exception {
    assertThat(OsRelease.read(rootfs)).isEmpty();
    Files.createDirectories(rootfs.resolve("usr/lib"));
    Files.write(
        rootfs.resolve("usr/lib/os-release"),
        "NAME=\"S\u00e9curit\u00e9 OS\"\n".getBytes(StandardCharsets.UTF_8));
    assertThat(OsRelease.read(rootfs).orElseThrow().get("NAME")).isEqualTo("S\u00e9curit\u00e9 OS");
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(rootfs.resolve("etc/os-release"), "NAME=Etc\n");
    assertThat(OsRelease.read(rootfs).orElseThrow().get("NAME")).isEqualTo("Etc");
    Files.writeString(rootfs.resolve("etc/os-release"), "NAME=\"x\n");
    assertThatThrownBy(() -> OsRelease.read(rootfs))
        .hasMessage(rootfs.resolve("etc/os-release") + " line 1: unmatched quote in \"NAME=\"x\"");
  }
}
