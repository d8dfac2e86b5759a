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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProcNetIpVsTest {

  @Test
  void servicesAndRealServersOfAHandMadeFile() throws Exception {
    List<ProcNetIpVs.Backend> b =
        ProcNetIpVs.parse(
                Files.readString(Fixtures.hostPaths("edge/net-ipvs").proc("net", "ip_vs")))
            .backends();
    assertThat(b).hasSize(8);
    assertThat(b.get(0))
        .isEqualTo(
            new ProcNetIpVs.Backend(
                "TCP", "192.168.0.22", 3306, "", "192.168.82.22", 3306, 100, 248, 2));
    assertThat(b.get(3))
        .isEqualTo(
            new ProcNetIpVs.Backend("UDP", "192.168.0.22", 53, "", "192.168.82.22", 53, 1, 0, 12));
    assertThat(b.get(4).localAddress()).isEqualTo("2620::1");
    assertThat(b.get(4).remoteAddress()).isEqualTo("2620::2");
    assertThat(b.get(5).remoteAddress())
        .as("IPv4-mapped, as Go prints it")
        .isEqualTo("192.168.82.22");
    assertThat(b.get(6))
        .isEqualTo(
            new ProcNetIpVs.Backend("FWM", "", 0, "10001000", "192.168.50.26", 3306, 0, 0, 1));
  }

  @Test
  void statsOfAHandMadeFile() throws Exception {
    String text = Files.readString(Fixtures.hostPaths("edge/net-ipvs").proc("net", "ip_vs_stats"));
    assertThat(ProcNetIpVsStats.parse(text))
        .isEqualTo(new ProcNetIpVsStats(23765872, 3811989221L, 0, 89991519156915L, 0));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000:0000:0000:0000:0000:0000:0000:0000, ::",
    "0000:0000:0000:0000:0000:0000:0000:0001, ::1",
    "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
    "2001:0db8:0000:0001:0001:0001:0001:0001, 2001:db8:0:1:1:1:1:1",
    "fe80:0000:0000:0000:0000:0000:0000:0000, fe80::",
    "0000:0000:0000:0000:0000:ffff:0a00:0001, 10.0.0.1",
    "ABCD:EF01:0000:0000:0000:0000:0000:0000, abcd:ef01::"
  })
  void ipv6AsGoPrintsIt(String full, String printed) {
    String line = "TCP  [" + full + "]:0050 sh\n  -> C0A85216:0050 Route 1 0 0\n";
    assertThat(ProcNetIpVs.parse(line).backends().get(0).localAddress()).isEqualTo(printed);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "short address",
            "TCP  C0A8016:0CEA wlc\n",
            "/proc/net/ip_vs line 1: not an address:port: \"C0A8016:0CEA\""),
        Arguments.of(
            "bad hex",
            "TCP  C0A8001X:0CEA wlc\n",
            "/proc/net/ip_vs line 1: not hex: \"1X\" in \"C0A8001X:0CEA\""),
        Arguments.of(
            "bad weight",
            "TCP  C0A80016:0CEA wlc\n  -> C0A85216:0CEA Tunnel x 248 2\n",
            "/proc/net/ip_vs line 2: not a number: \"x\""),
        Arguments.of(
            "server before service",
            "  -> C0A85216:0CEA Tunnel 1 2 3\n",
            "/proc/net/ip_vs line 1: a real server before any service: \"  -> C0A85216:0CEA"
                + " Tunnel 1 2 3\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void garbageIsRefusedNamingLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcNetIpVs.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void statsGarbageIsRefused() {
    assertThatThrownBy(() -> ProcNetIpVsStats.parse("a\nb\n"))
        .hasMessageStartingWith("/proc/net/ip_vs_stats: fewer than 3 lines");
    assertThatThrownBy(() -> ProcNetIpVsStats.parse("a\nb\n1 2 3 4\n"))
        .hasMessage("/proc/net/ip_vs_stats line 3: 4 values, expected 5: \"1 2 3 4\"");
    assertThatThrownBy(() -> ProcNetIpVsStats.parse("a\nb\n1 2 3 4 -5\n"))
        .hasMessage("/proc/net/ip_vs_stats line 3: not a hex number: \"-5\" in \"1 2 3 4 -5\"");
  }
}
