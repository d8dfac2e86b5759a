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
    Golden.assertMatches(
        CollectorRun.once(NetdevCollector::new, TestContext.forPlugin("net")), "netdev.prom");
  }

  @Test
  void excludeAndIncludeAreNodeExporterRegexes() throws Exception {
    var noLo =
        CollectorRun.once(
            NetdevCollector::new,
            TestContext.forPlugin("net").withConfig("device-exclude = \"^lo$\""));
    assertThat(Exposition.value(noLo, "node_network_receive_bytes_total", "device", "lo"))
        .isEmpty();
    var defaults = CollectorRun.once(NetdevCollector::new, TestContext.forPlugin("net"));
    assertThat(Exposition.value(defaults, "node_network_receive_bytes_total", "device", "lo"))
        .as("Debian's default")
        .isEmpty();
    assertThat(Exposition.value(defaults, "node_network_receive_bytes_total", "device", "eth0"))
        .isPresent();
    var onlyLo =
        CollectorRun.once(
            NetdevCollector::new,
            TestContext.forPlugin("net")
                .withConfig("device-exclude = \"\"\ndevice-include = \"^lo$\""));
    assertThat(Exposition.value(onlyLo, "node_network_receive_bytes_total", "device", "lo"))
        .isPresent();
    assertThatThrownBy(
            () ->
                new NetdevCollector(
                    TestContext.forPlugin("net")
                        .withConfig("device-include = a\ndevice-exclude = b")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("plugins.net.device-include = \"a\": expected only one of");
  }
}
