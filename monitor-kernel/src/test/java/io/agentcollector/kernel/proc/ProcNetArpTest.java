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

class ProcNetArpTest {

  private static final String HEADER =
      "IP address       HW type     Flags       HW address            Mask     Device\n";

  @Test
  void realCapture() throws Exception {
    ProcNetArp arp = ProcNetArp.parse(Files.readString(Fixtures.path("proc/net/arp")));
    assertThat(arp.entriesByDevice())
        .containsExactly(org.assertj.core.api.Assertions.entry("eth0", 1L));
  }

  @Test
  void entriesAreCountedPerDeviceIncompleteOnesToo() {
    ProcNetArp arp =
        ProcNetArp.parse(
            HEADER
                + "10.0.0.1         0x1         0x2         52:54:00:12:34:56     *        eth0\n"
                + "10.0.0.7         0x1         0x0         00:00:00:00:00:00     *        eth0\n"
                + "172.17.0.2       0x1         0x2         02:42:ac:11:00:02     *        docker0\n"
                + "10.0.0.9         0x1         0x6         52:54:00:12:34:57     *        eth0\n");
    assertThat(arp.entriesByDevice())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("eth0", 3L),
            org.assertj.core.api.Assertions.entry("docker0", 1L));
  }

  @Test
  void anEmptyTableHasOnlyTheHeader() {
    assertThat(ProcNetArp.parse(HEADER).entriesByDevice()).isEmpty();
    assertThat(ProcNetArp.parse("").entriesByDevice()).isEmpty();
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of(
            "too few columns",
            HEADER + "10.0.0.1 0x1 0x2 52:54:00:12:34:56 eth0\n",
            "/proc/net/arp line 2: expected \"IP type flags address mask device\", got \"10.0.0.1"
                + " 0x1 0x2 52:54:00:12:34:56 eth0\""),
        Arguments.of(
            "type not hexadecimal",
            HEADER + "10.0.0.1 1 0x2 52:54:00:12:34:56 * eth0\n",
            "/proc/net/arp line 2: not a 0x number: \"1\""),
        Arguments.of(
            "flags garbage",
            HEADER + "10.0.0.1 0x1 0xzz 52:54:00:12:34:56 * eth0\n",
            "/proc/net/arp line 2: not a 0x number: \"0xzz\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcNetArp.parse(content)).hasMessage(message);
  }
}
