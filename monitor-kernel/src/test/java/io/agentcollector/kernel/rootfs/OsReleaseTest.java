package io.agentcollector.kernel.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
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
        Arguments.of("empty value is absent", "IMAGE_ID=\"\"", "IMAGE_ID", ""));
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
            "/etc/os-release line 1: invalid escape \\q in \"NAME=\"\\q\"\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesTheLine(String name, String content, String message) {
    assertThatThrownBy(() -> OsRelease.parse("/etc/os-release", content)).hasMessage(message);
  }
}
