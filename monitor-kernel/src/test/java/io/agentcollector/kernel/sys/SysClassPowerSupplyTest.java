package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysClassPowerSupplyTest {

  @Test
  void knownAttributesOfAHandMadeLaptopAndPhone() throws Exception {
    List<SysClassPowerSupply.Supply> s =
        SysClassPowerSupply.read(
                Fixtures.hostPaths("edge/system-power-supply").sys("class", "power_supply"))
            .supplies();
    assertThat(s)
        .extracting(SysClassPowerSupply.Supply::name)
        .containsExactly("AC", "BAT0", "bms", "ucsi-source-psy-USBC000:001");
    assertThat(s.get(0).numbers()).isEqualTo(Map.of("online", 1L));
    assertThat(s.get(0).texts()).isEqualTo(Map.of("type", "Mains"));
    assertThat(s.get(1).numbers())
        .containsEntry("energy_now", 43780000L)
        .doesNotContainKeys("alarm", "charge_control_end_threshold");
    assertThat(s.get(1).texts()).containsEntry("serial_number", "1234");
    assertThat(s.get(2).numbers()).containsEntry("current_now", -450000L);
  }

  @Test
  void noClassDirectoryIsNoSupplies(@TempDir Path dir) throws Exception {
    assertThat(SysClassPowerSupply.read(dir.resolve("power_supply")).supplies()).isEmpty();
  }

  @Test
  void numbersInGoBaseZeroSyntax() {
    assertThat(SysClassPowerSupply.number("/f", "0x10\n")).isEqualTo(16);
    assertThat(SysClassPowerSupply.number("/f", "-450000\n")).isEqualTo(-450000);
  }

  @Test
  void garbageInAKnownNumericAttributeNamesTheFile(@TempDir Path dir) throws Exception {
    Path bat = Files.createDirectories(dir.resolve("BAT1"));
    Files.writeString(bat.resolve("capacity"), "full\n");
    Files.writeString(bat.resolve("alarm"), "not read\n");
    assertThatThrownBy(() -> SysClassPowerSupply.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(bat.resolve("capacity") + ": not a number: \"full\"");
  }
}
