package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsAttributesTest {

  private final Path eth0 = Fixtures.hostPaths().sys("class", "net", "eth0");

  @Test
  void textTrimmedAndNumbersDecimalOrHex() {
    assertThat(SysfsAttributes.read(eth0.resolve("operstate"))).hasValue("up");
    assertThat(SysfsAttributes.read(eth0.resolve("address"))).hasValue("02:fc:00:00:00:01");
    assertThat(SysfsAttributes.number(eth0.resolve("mtu"))).hasValue(1400L);
    assertThat(SysfsAttributes.number(eth0.resolve("flags"))).hasValue(0x1003L);
    assertThat(SysfsAttributes.number(eth0.resolve("speed"))).as("virtio").hasValue(-1L);
  }

  @Test
  void absentUnreadableOrNotANumberIsEmpty(@TempDir Path dir) throws Exception {
    assertThat(SysfsAttributes.read(Fixtures.hostPaths().sys("class", "net", "lo", "speed")))
        .isEmpty();
    assertThat(SysfsAttributes.number(eth0.resolve("address"))).isEmpty();
    assertThat(SysfsAttributes.read(dir)).as("a directory").isEmpty();
    Path big = Files.writeString(dir.resolve("big"), "1".repeat(64 * 1024 + 1));
    assertThat(SysfsAttributes.read(big)).as("over 64 KiB").isEmpty();
  }

  @Test
  void textIsUtf8(@TempDir Path dir) throws Exception {
    Path alias =
        Files.write(dir.resolve("ifalias"), "uplink \u00e9\n".getBytes(StandardCharsets.UTF_8));
    assertThat(SysfsAttributes.read(alias)).hasValue("uplink \u00e9");
  }
}
