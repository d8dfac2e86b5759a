package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Merged from plugins/net's ProcNetDev (columns by header) and the runtime's NetDev (columns by
 * position, for /proc/<pid>/net/dev); the differences are the last two tests.
 */
class ProcNetDevTest {

  private static final String FILE = "/proc/<pid>/net/dev";

  private static final String HEADER =
"""
Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
""";

  @Test
  void theBuildMachinesCounters() throws Exception {
    ProcNetDev d =
        ProcNetDev.parse("/proc/net/dev", KernelFiles.read(Fixtures.path("proc/net/dev")));
    assertThat(d.columns())
        .hasSize(16)
        .startsWith("receive_bytes", "receive_packets")
        .endsWith("transmit_compressed");
    assertThat(d.devices())
        .extracting(ProcNetDev.Device::name)
        .containsExactly("lo", "ifb0", "ifb1", "eth0");
    ProcNetDev.Device eth0 = d.devices().get(3);
    assertThat(eth0.get("receive_bytes")).hasValue(151223881);
    assertThat(eth0.get("transmit_packets")).hasValue(4551);
    assertThat(eth0.value(8)).as("transmit_bytes").isEqualTo(511122);
    assertThat(eth0.get("receive_nonsense")).isEmpty();
  }

  @Test
  void columnsComeFromTheHeaderSoANewOneShiftsNothing() {
    ProcNetDev d =
        ProcNetDev.parse(
            "/proc/net/dev",
            """
            Inter-|   Receive                            |  Transmit
             face |bytes    packets errs drop newcol|bytes    packets errs drop
              eth0:  100  2 0 0 7 200 3 0 0
            """);
    assertThat(d.devices().get(0).get("receive_newcol")).hasValue(7);
    assertThat(d.devices().get(0).get("transmit_bytes")).hasValue(200);
    // The next file has the usual header again: the cached one must not be used.
    assertThat(
            ProcNetDev.parse(FILE, HEADER + " eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n")
                .devices()
                .get(0)
                .get("transmit_bytes"))
        .hasValue(9);
  }

  @Test
  void countersAreUnsigned64Bit() {
    ProcNetDev d =
        ProcNetDev.parse(
            FILE, HEADER + " eth0: 18446744073709551615 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");
    assertThat(Long.toUnsignedString(d.devices().get(0).value(0)))
        .isEqualTo("18446744073709551615");
  }

  @Test
  void aFileCutShortIsRefused() {
    // Cut inside the last counter: every column is there, the newline is not.
    assertThatThrownBy(
            () -> ProcNetDev.parse(FILE, HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 1"))
        .hasMessage("/proc/<pid>/net/dev: no newline at the end, the file is cut short");
    assertThatThrownBy(() -> ProcNetDev.parse(FILE, "Inter-|   Receive\n"))
        .hasMessage(
            "/proc/<pid>/net/dev: missing the two header lines with receive|transmit columns");
    assertThatThrownBy(
            () -> ProcNetDev.parse(FILE, HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n"))
        .hasMessage(
            "/proc/<pid>/net/dev line 3: 15 values for 16 columns: "
                + "\"eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\"");
  }

  @Test
  void aValueThatIsNoNumberNamesFileAndLine() {
    // Found by the fuzz target: Long.parseUnsignedLong's bare NumberFormatException came out.
    assertThatThrownBy(
            () ->
                ProcNetDev.parse(FILE, HEADER + "  eth0: 1 2 x 4 5 6 7 8 9 10 11 12 13 14 15 16\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/proc/<pid>/net/dev line 3: not a number: \"x\"");
    assertThatThrownBy(() -> ProcNetDev.parse(FILE, HEADER + "  eth0 1 2 3\n"))
        .hasMessage("/proc/<pid>/net/dev line 3: no ':' in \"eth0 1 2 3\"");
  }

  @Test
  void moreValuesThanColumnsAreRefused() {
    // The runtime's NetDev took 17 values and read the first 16 by position.
    assertThatThrownBy(
            () ->
                ProcNetDev.parse(
                    FILE, HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n"))
        .hasMessageContaining("line 3: 17 values for 16 columns");
  }

  @Test
  void garbageInAnInterfaceTheContainerCollectorLeavesOutIsRefusedToo() {
    // The runtime's NetDev skipped lo*, veth* and docker* lines before reading them.
    assertThatThrownBy(() -> ProcNetDev.parse(FILE, HEADER + "    lo: 9 9 9\n"))
        .hasMessageContaining("line 3: 3 values for 16 columns");
  }
}
