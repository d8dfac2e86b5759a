package io.agentcollector.plugin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import org.junit.jupiter.api.Test;

class NetdevCollectorTest {

  @Test
  void golden() throws Exception {
    Golden.assertMatches(CollectorRun.once(NetdevCollector::new, TestContext.forPlugin("net")), "netdev.prom");
  }

  @Test
  void excludeAndIncludeAreNodeExporterRegexes() throws Exception {
    var noLo = CollectorRun.once(NetdevCollector::new, TestContext.forPlugin("net").withConfig("device-exclude = \"^lo$\""));
    assertThat(Exposition.value(noLo, "node_network_receive_bytes_total", "device", "lo")).isEmpty();
    var defaults = CollectorRun.once(NetdevCollector::new, TestContext.forPlugin("net"));
    assertThat(Exposition.value(defaults, "node_network_receive_bytes_total", "device", "lo")).as("Debian's default").isEmpty();
    assertThat(Exposition.value(defaults, "node_network_receive_bytes_total", "device", "eth0")).isPresent();
    var onlyLo = CollectorRun.once(NetdevCollector::new,
        TestContext.forPlugin("net").withConfig("device-exclude = \"\"\ndevice-include = \"^lo$\""));
    assertThat(Exposition.value(onlyLo, "node_network_receive_bytes_total", "device", "lo")).isPresent();
    assertThatThrownBy(() -> new NetdevCollector(
            TestContext.forPlugin("net").withConfig("device-include = a\ndevice-exclude = b")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("plugins.net.device-include = \"a\": expected only one of");
  }

  @Test
  void headerDrivenColumnsToleratesNewOnesAndRejectsGarbage() {
    ProcNetDev d = ProcNetDev.parse("""
        Inter-|   Receive                            |  Transmit
         face |bytes    packets errs drop newcol|bytes    packets errs drop
          eth0:  100  2 0 0 7 200 3 0 0
        """);
    assertThat(d.devices().get(0).counters()).containsEntry("receive_newcol", 7L).containsEntry("transmit_bytes", 200L);
    assertThatThrownBy(() -> ProcNetDev.parse("a\nb|c|d\n eth0: 1 2 3\n")).hasMessageContaining("3 values for 2 columns");
  }

  @Test
  void aFileCutShortIsRefused() {
    String header = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
        """;
    // Cut inside the last counter: every column is there, the newline is not.
    assertThatThrownBy(() -> ProcNetDev.parse(header + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 1"))
        .hasMessage("/proc/net/dev: no newline at the end, the file is cut short");
    assertThatThrownBy(() -> ProcNetDev.parse(header + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n"))
        .hasMessageContaining("15 values for 16 columns");
    assertThat(ProcNetDev.parse(header + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n").devices())
        .singleElement().satisfies(d -> assertThat(d.counters()).containsEntry("transmit_compressed", 16L));
  }
}
