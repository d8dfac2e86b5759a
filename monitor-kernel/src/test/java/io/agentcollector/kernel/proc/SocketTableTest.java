package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ProcNetTcp} and {@link ProcNetUdp}, and their shared {@link SocketTable}. */
class SocketTableTest {

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
          + " inode\n";
  private static final String LISTEN =
      "   0: 00000000:07E8 00000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0"
          + " 639 1 0000000063241833 100 0 0 10 0\n";
  private static final String ESTABLISHED =
      "   1: 0100007F:C514 0100007F:4AAC 01 0000012C:00000010 01:00000014 00000000  1000        0"
          + " 2661 1 000000006bfe3edc 20 4 30 10 -1\n";

  @Test
  void realTcpCaptures() throws Exception {
    ProcNetTcp tcp = ProcNetTcp.parse("/proc/net/tcp", fixture("tcp"));
    assertThat(tcp.sockets()).isEqualTo(82);
    assertThat(tcp.sockets(6)).as("TIME_WAIT").isEqualTo(78);
    assertThat(tcp.sockets(1)).as("ESTABLISHED").isEqualTo(2);
    assertThat(tcp.sockets(10)).as("LISTEN").isEqualTo(2);
    assertThat(tcp.rxQueue()).as("1000 bytes sent and not yet read").isEqualTo(1000);
    assertThat(tcp.txQueue()).isZero();
    ProcNetTcp tcp6 = ProcNetTcp.parse("/proc/net/tcp6", fixture("tcp6"));
    assertThat(tcp6.sockets()).isEqualTo(7);
    assertThat(tcp6.sockets(10)).isEqualTo(7);
  }

  @Test
  void realUdpCaptures() throws Exception {
    assertThat(ProcNetUdp.parse("/proc/net/udp", fixture("udp")))
        .isEqualTo(new ProcNetUdp(0, 0x9C0, 2));
    assertThat(ProcNetUdp.parse("/proc/net/udp6", fixture("udp6")))
        .isEqualTo(new ProcNetUdp(0, 0x500, 2));
  }

  @Test
  void queuesAreSummedAndLaterColumnsIgnored() {
    ProcNetTcp t = ProcNetTcp.parse("/proc/net/tcp", HEADER + LISTEN + ESTABLISHED);
    assertThat(t.txQueue()).isEqualTo(300);
    assertThat(t.rxQueue()).isEqualTo(19);
    assertThat(t.sockets(10)).isEqualTo(1);
    assertThat(t.sockets(1)).isEqualTo(1);
    assertThat(ProcNetUdp.parse("/proc/net/udp", HEADER)).isEqualTo(new ProcNetUdp(0, 0, 0));
    assertThat(ProcNetUdp.parse("/proc/net/udp", "")).isEqualTo(new ProcNetUdp(0, 0, 0));
  }

  @Test
  void streamingThroughASmallBufferKeepsLinesAReadCut() throws Exception {
    String tcp = fixture("tcp");
    SocketTable.Totals t =
        SocketTable.scan(
            "/proc/net/tcp",
            Channels.newChannel(
                new ByteArrayInputStream(tcp.getBytes(StandardCharsets.ISO_8859_1))),
            ByteBuffer.allocate(200));
    assertThat(t.sockets).isEqualTo(82);
    assertThat(t.byState[6]).isEqualTo(78);
    assertThat(t.rxQueue).isEqualTo(1000);
    assertThatThrownBy(
            () ->
                SocketTable.scan(
                    "/proc/net/tcp",
                    Channels.newChannel(new ByteArrayInputStream(tcp.getBytes())),
                    ByteBuffer.allocate(100)))
        .hasMessage("/proc/net/tcp line 1: longer than 100 bytes");
  }

  @Test
  void aMissingTableIsEmptyAndARealOneIsRead(@TempDir Path dir) throws Exception {
    assertThat(ProcNetUdp.readIfPresent("/proc/net/udp6", dir.resolve("udp6"))).isEmpty();
    Files.writeString(dir.resolve("tcp"), HEADER + ESTABLISHED);
    assertThat(
            ProcNetTcp.readIfPresent("/proc/net/tcp", dir.resolve("tcp")).orElseThrow().txQueue())
        .isEqualTo(300);
  }

  static Stream<Arguments> garbage() {
    String line = "   1: 0100007F:C514 0100007F:4AAC 01 0000012C:00000010 01:00000014 00000000";
    return Stream.of(
        Arguments.of("nine columns", line + "  1000        0\n", "9 columns, expected at least 10"),
        Arguments.of("sl without colon", line.replace("1:", "1 ") + " 0 0 5\n", "bad column"),
        Arguments.of(
            "short address",
            line.replace("0100007F:C514", "100007F:C514") + " 0 0 5\n",
            "bad column 2 \"100007F:C514\""),
        Arguments.of(
            "state not hex", line.replace(" 01 ", " 0x ") + " 0 0 5\n", "bad column 4 \"0x\""),
        Arguments.of(
            "queues without colon",
            line.replace("0000012C:00000010", "0000012C-00000010") + " 0 0 5\n",
            "bad column 5"),
        Arguments.of("uid not a number", line + " root 0 5\n", "bad column 8 \"root\""),
        Arguments.of("inode not a number", line + " 0 0 x5\n", "bad column 10 \"x5\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileLineAndValue(String name, String line, String what) {
    assertThatThrownBy(() -> ProcNetTcp.parse("/proc/net/tcp6", HEADER + line))
        .hasMessageStartingWith("/proc/net/tcp6 line 2: ")
        .hasMessageContaining(what);
  }

  private static String fixture(String name) throws Exception {
    return Files.readString(Fixtures.path("proc/net/" + name), StandardCharsets.ISO_8859_1);
  }
}
