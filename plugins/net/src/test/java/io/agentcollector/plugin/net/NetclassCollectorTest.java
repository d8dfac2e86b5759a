package io.agentcollector.plugin.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default fixture holds this machine's /sys/class/net (eth0 virtio, lo, two ifb devices). */
class NetclassCollectorTest {

  @TempDir Path host;

  @Test
  void golden() throws Exception {
    Golden.assertMatches(
        CollectorRun.once(NetclassCollector::new, TestContext.forPlugin("net")), "netclass.prom");
  }

  @Test
  void fixtureValues() throws Exception {
    var out = CollectorRun.once(NetclassCollector::new, TestContext.forPlugin("net"));
    assertThat(Exposition.value(out, "node_network_up", "device", "eth0")).hasValue(1);
    assertThat(Exposition.value(out, "node_network_up", "device", "lo"))
        .as("operstate unknown")
        .hasValue(0);
    assertThat(Exposition.value(out, "node_network_speed_bytes", "device", "eth0"))
        .as("virtio speed -1")
        .hasValue(-125000);
    assertThat(Exposition.value(out, "node_network_speed_bytes", "device", "lo"))
        .as("EINVAL: absent")
        .isEmpty();
    assertThat(Exposition.value(out, "node_network_mtu_bytes", "device", "lo")).hasValue(65536);
    assertThat(Exposition.value(out, "node_network_protocol_type", "device", "lo")).hasValue(772);
  }

  @Test
  void hexAttributesFilesInTheDirectoryAndIgnoredDevices() throws Exception {
    Path net = Files.createDirectories(host.resolve("sys/class/net/bond0"));
    Files.writeString(net.resolve("flags"), "0x1003\n");
    Files.writeString(net.resolve("operstate"), "up\n");
    Files.writeString(net.resolve("speed"), "10000\n");
    Files.writeString(host.resolve("sys/class/net/bonding_masters"), "bond0\n");
    var ctx = TestContext.forPlugin("net").withHostPaths(HostPaths.under(host));
    var out = CollectorRun.once(NetclassCollector::new, ctx);
    assertThat(Exposition.value(out, "node_network_flags", "device", "bond0")).hasValue(4099);
    assertThat(Exposition.value(out, "node_network_speed_bytes", "device", "bond0"))
        .hasValue(1.25e9);
    assertThat(Exposition.text(out)).doesNotContain("bonding_masters");
    var ignored =
        CollectorRun.once(
            NetclassCollector::new, ctx.withConfig("netclass-ignored-devices = \"^bond\""));
    assertThat(Exposition.text(ignored)).doesNotContain("bond0");
  }
}
