package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysClassNetBondingTest {

  @Test
  void mastersAndTheirSlavesOfAHandMadeTree() throws Exception {
    SysClassNetBonding b =
        SysClassNetBonding.read(Fixtures.hostPaths("edge/net-bonding").sys("class", "net"));
    assertThat(b.masters())
        .containsExactly(
            Map.entry("bond0", new SysClassNetBonding.Slaves(2, 1)),
            Map.entry("bond1", new SysClassNetBonding.Slaves(1, 1)),
            Map.entry("bond2", new SysClassNetBonding.Slaves(0, 0)));
  }

  @Test
  void noBondingModuleIsNoMasters() throws Exception {
    assertThat(SysClassNetBonding.read(Fixtures.hostPaths().sys("class", "net")).masters())
        .isEmpty();
  }

  @Test
  void aListedSlaveWithoutStatusFailsTheRead(@TempDir Path net) throws Exception {
    Files.writeString(net.resolve("bonding_masters"), "bond0\n");
    Files.createDirectories(net.resolve("bond0/bonding"));
    Files.writeString(net.resolve("bond0/bonding/slaves"), "eth9\n");
    assertThatThrownBy(() -> SysClassNetBonding.read(net))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("slave_eth9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b"})
  void aNameThatLeavesTheDirectoryIsRefused(String name) {
    assertThatThrownBy(() -> SysClassNetBonding.names("/sys/class/net/bonding_masters", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/sys/class/net/bonding_masters: not an interface name: \"" + name + "\"");
  }

  @Test
  void onlyUpIsActive() {
    assertThat(SysClassNetBonding.isUp("up\n")).isTrue();
    assertThat(SysClassNetBonding.isUp("down\n")).isFalse();
    assertThat(SysClassNetBonding.isUp("going back\n")).isFalse();
  }
}
