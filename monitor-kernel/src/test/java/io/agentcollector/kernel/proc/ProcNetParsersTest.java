package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ProcNetSockstat, ProcNetNetstat, ProcNetSnmp6 and ProcNetStatNfConntrack. */
class ProcNetParsersTest {

  @Test
  void sockstat() {
    ProcNetSockstat s =
        ProcNetSockstat.parse(
            "/proc/net/sockstat",
            """
            sockets: used 65
            TCP: inuse 4 orphan 0 tw 1 alloc 4 mem 2
            UDPLITE: inuse 0
            FRAG: inuse 0 memory 0
            NEWPROTO: inuse 1 future 7
            """);
    assertThat(s.used()).isEqualTo(OptionalLong.of(65));
    assertThat(s.protocols())
        .extracting(ProcNetSockstat.Protocol::name)
        .containsExactly("TCP", "UDPLITE", "FRAG", "NEWPROTO");
    assertThat(s.protocols().get(0).values()).containsEntry("mem", 2L).containsEntry("tw", 1L);
    assertThat(ProcNetSockstat.parse("/proc/net/sockstat6", "TCP6: inuse 3\n").used()).isEmpty();
  }

  static Stream<Arguments> badSockstat() {
    return Stream.of(
        Arguments.of(
            "odd pairs",
            "TCP: inuse 4 orphan\n",
            "/proc/net/sockstat line 1: expected \"PROTO: key value ...\" in \"TCP: inuse 4"
                + " orphan\""),
        Arguments.of(
            "not a number",
            "TCP: inuse four\n",
            "/proc/net/sockstat line 1: not a number \"four\" in \"TCP: inuse four\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSockstat")
  void sockstatGarbage(String name, String content, String message) {
    assertThatThrownBy(() -> ProcNetSockstat.parse("/proc/net/sockstat", content))
        .hasMessage(message);
  }

  @Test
  void netstatPairsNamesAndValues() {
    ProcNetNetstat n =
        ProcNetNetstat.parse(
            "/proc/net/snmp",
            """
            Ip: Forwarding DefaultTTL
            Ip: 2 64
            Tcp: RtoAlgorithm MaxConn CurrEstab
            Tcp: 1 -1 2
            """);
    assertThat(n.protocols()).containsOnlyKeys("Ip", "Tcp");
    assertThat(n.protocols().get("Tcp"))
        .containsEntry("MaxConn", -1.0)
        .containsEntry("CurrEstab", 2.0);
  }

  static Stream<Arguments> badNetstat() {
    return Stream.of(
        Arguments.of(
            "value line missing",
            "Ip: Forwarding\n",
            "/proc/net/netstat: 1 lines, expected pairs of name and value lines"),
        Arguments.of(
            "count mismatch",
            "Ip: Forwarding DefaultTTL\nIp: 2\n",
            "/proc/net/netstat lines 1-2: 2 names but 1 values for Ip:"),
        Arguments.of(
            "protocols do not pair",
            "Ip: Forwarding\nTcp: 1\n",
            "/proc/net/netstat lines 1-2: protocol \"Ip:\" and \"Tcp:\" do not pair up"),
        Arguments.of(
            "not a number",
            "Ip: Forwarding\nIp: x\n",
            "/proc/net/netstat line 2: not a number \"x\" for Ip: Forwarding"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNetstat")
  void netstatGarbage(String name, String content, String message) {
    assertThatThrownBy(() -> ProcNetNetstat.parse("/proc/net/netstat", content))
        .hasMessage(message);
  }

  @Test
  void snmp6SplitsAtTheFirstSix() {
    ProcNetSnmp6 s =
        ProcNetSnmp6.parse(
            """
            Ip6InOctets                     	128
            Icmp6InMsgs                     	1
            UdpLite6InErrors                	0
            Icmp6InType133                  	4
            NoSixHere 5
            truncated
            """);
    assertThat(s.protocols()).containsOnlyKeys("Ip6", "Icmp6", "UdpLite6");
    assertThat(s.protocols().get("Icmp6")).isEqualTo(Map.of("InMsgs", 1.0, "InType133", 4.0));
  }

  static Stream<Arguments> conntrackLayouts() {
    return Stream.of(
        Arguments.of(
            "6.x: clashres, chainlength",
            "entries  clashres found new invalid ignore "
                + "delete chainlength insert insert_failed drop early_drop icmp_error  expect_new "
                + "expect_create expect_delete search_restart\n"),
        Arguments.of(
            "4.x: searched, delete_list",
            "entries  searched found new invalid ignore "
                + "delete delete_list insert insert_failed drop early_drop icmp_error  expect_new "
                + "expect_create expect_delete search_restart\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conntrackLayouts")
  void conntrackSumsHexColumnsOverCpus(String name, String header) {
    ProcNetStatNfConntrack s =
        ProcNetStatNfConntrack.parse(
            header
                + "00000010  00000000 0000000a 00000000 00000001 00000002 00000000 00000000"
                + " 00000003 00000004 00000005 00000006 00000000  00000000 00000000 00000000"
                + " 00000007\n"
                + "00000010  00000000 00000001 00000000 00000001 00000002 00000000 00000000"
                + " 00000003 00000004 00000005 00000006 00000000  00000000 00000000 00000000"
                + " 000000ff\n");
    assertThat(s.total("found")).isEqualTo(11);
    assertThat(s.total("invalid")).isEqualTo(2);
    assertThat(s.total("ignore")).isEqualTo(4);
    assertThat(s.total("insert")).isEqualTo(6);
    assertThat(s.total("insert_failed")).isEqualTo(8);
    assertThat(s.total("drop")).isEqualTo(10);
    assertThat(s.total("early_drop")).isEqualTo(12);
    assertThat(s.total("search_restart")).isEqualTo(262);
  }

  @Test
  void conntrackTruncatedLine() {
    assertThatThrownBy(() -> ProcNetStatNfConntrack.parse("entries found\n00000001\n"))
        .hasMessage("/proc/net/stat/nf_conntrack line 2: 1 columns, header has 2: \"00000001\"");
    assertThatThrownBy(() -> ProcNetStatNfConntrack.parse("entries found\n00000001 zz\n"))
        .hasMessage("/proc/net/stat/nf_conntrack line 2: not a hexadecimal number \"zz\"");
  }

  @Test
  void conntrackWithoutHeader() {
    // Found by ProcNetStatNfConntrackFuzzTest: "\n\n".split("\n") is empty and lines[0] threw.
    assertThatThrownBy(() -> ProcNetStatNfConntrack.parse("\n\n"))
        .hasMessage("/proc/net/stat/nf_conntrack line 1: no header");
    assertThatThrownBy(() -> ProcNetStatNfConntrack.parse(""))
        .hasMessage("/proc/net/stat/nf_conntrack line 1: no header");
  }
}
