package io.agentcollector.runtime.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  @TempDir Path dir;

  private void check(byte[] content) throws IOException {
    Path f = dir.resolve("m.conf");
    Files.write(f, content);
    ConfigFile.check(f, "config file m.conf");
  }

  @Test
  void invalidUtf8NamesTheByteOffsetAndLine() {
    byte[] bytes = "web {\n  x = \"a\u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, broken, 0, bytes.length);
    broken[bytes.length] = (byte) 0xFF;
    broken[bytes.length + 1] = '"';
    assertThatThrownBy(() -> check(broken))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            "config file m.conf is not valid UTF-8 at byte offset " + bytes.length + " (line 2)");
    // A truncated multi-byte sequence at the very end, and an overlong encoding of '/'.
    assertThatThrownBy(() -> check(new byte[] {'a', '=', (byte) 0xE2, (byte) 0x82}))
        .hasMessage("config file m.conf is not valid UTF-8 at byte offset 2 (line 1)");
    assertThatThrownBy(() -> check(new byte[] {'a', '=', (byte) 0xC0, (byte) 0xAF}))
        .hasMessage("config file m.conf is not valid UTF-8 at byte offset 2 (line 1)");
    assertThatCode(() -> check("a = \"\u00e9\u20ac\ud83d\ude00\"".getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @Test
  void nestingIsCountedOutsideStringsAndComments() {
    String ok =
        "a = \""
            + "{".repeat(100)
            + "\"\n# "
            + "[".repeat(100)
            + "\n// "
            + "{".repeat(100)
            + "\nb = \"\"\""
            + "{".repeat(100)
            + "\n\"\"\"\n"
            + "c { ".repeat(32)
            + "}".repeat(32);
    assertThatCode(() -> check(ok.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    assertThatThrownBy(
            () -> check(("x = 1\n\nc = " + "[".repeat(33)).getBytes(StandardCharsets.UTF_8)))
        .hasMessage("config file m.conf: 3: objects and lists nested deeper than 32 levels");
  }

  @Test
  void sizeIsCapped() {
    byte[] big = new byte[ConfigFile.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThatThrownBy(() -> check(big)).hasMessage("config file m.conf is larger than 1 MiB");
    assertThatCode(() -> check(java.util.Arrays.copyOf(big, ConfigFile.MAX_BYTES)))
        .doesNotThrowAnyException();
  }

  @Test
  void directoriesMissingAndUnreadableFiles() throws IOException {
    assertThatThrownBy(() -> ConfigFile.check(dir, "config file d"))
        .hasMessage("config file d is not a regular file");
    assertThatThrownBy(() -> ConfigFile.check(dir.resolve("x"), "config file x"))
        .hasMessage("config file x does not exist");
    Path secret = Files.writeString(dir.resolve("secret.conf"), "a = 1");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    if (!Files.isReadable(secret)) { // root reads anything
      assertThatThrownBy(() -> ConfigFile.check(secret, "config file s"))
          .hasMessage("config file s is not readable (permission denied)");
    }
  }
}
