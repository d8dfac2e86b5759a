package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetDevTest {

  private static final String HEADER =
      """
      Inter-|   Receive                                                |  Transmit
       face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
      """;

  @Test
  void readsTheCountersAndLeavesLoOut() {
    NetDev d =
        NetDev.parse(
            HEADER
                + "    lo: 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9\n"
                + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n");
    assertThat(d.interfaces())
        .containsExactly(new NetDev.Interface("eth0", 1, 2, 3, 4, 9, 10, 11, 12));
  }

  @Test
  void aFileCutShortIsRefused() {
    assertThatThrownBy(() -> NetDev.parse(HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 1"))
        .hasMessage("/proc/<pid>/net/dev: no newline at the end, the file is cut short");
    assertThatThrownBy(() -> NetDev.parse("Inter-|   Receive\n"))
        .hasMessage("/proc/<pid>/net/dev: missing the two header lines");
    assertThatThrownBy(() -> NetDev.parse(HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n"))
        .hasMessageContaining("15 columns, expected 16");
  }

  @Test
  void aValueThatIsNoNumberNamesFileAndLine() {
    // Found by NetDevFuzzTest: Long.parseUnsignedLong's bare NumberFormatException came out.
    assertThatThrownBy(() -> NetDev.parse(HEADER + "  eth0: 1 2 x 4 5 6 7 8 9 10 11 12 13 14 15 16\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/proc/<pid>/net/dev line 3: not a number: \"x\"");
  }
}
