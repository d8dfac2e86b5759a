package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysClassThermalTest {

  @Test
  void zonesAndCoolingDevicesOfAHandMadeLaptopTree() throws Exception {
    SysClassThermal t =
        SysClassThermal.read(Fixtures.hostPaths("edge/system-thermal").sys("class", "thermal"));
    assertThat(t.zones())
        .containsExactly(
            new SysClassThermal.Zone("0", "acpitz", "step_wise", 27800),
            new SysClassThermal.Zone("1", "INT3400 Thermal", "user_space", 20000),
            new SysClassThermal.Zone("10", "x86_pkg_temp", "step_wise", 45000));
    assertThat(t.coolingDevices())
        .containsExactly(
            new SysClassThermal.CoolingDevice("0", "Processor", 10, 0),
            new SysClassThermal.CoolingDevice("1", "intel_powerclamp", 50, -1),
            new SysClassThermal.CoolingDevice("2", "TCC Offset", 63, 5));
  }

  @Test
  void noDirectoryOrAnEmptyOneIsNoZones(@TempDir Path dir) throws Exception {
    SysClassThermal none = new SysClassThermal(java.util.List.of(), java.util.List.of());
    assertThat(SysClassThermal.read(dir.resolve("thermal"))).isEqualTo(none);
    assertThat(SysClassThermal.read(dir)).isEqualTo(none);
  }

  @Test
  void aZoneWithoutPolicyFailsTheRead(@TempDir Path dir) throws Exception {
    Path zone = Files.createDirectories(dir.resolve("thermal_zone0"));
    Files.writeString(zone.resolve("type"), "acpitz\n");
    Files.writeString(zone.resolve("temp"), "1000\n");
    assertThatThrownBy(() -> SysClassThermal.read(dir)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void garbageNamesTheFile(@TempDir Path dir) throws Exception {
    Path cd = Files.createDirectories(dir.resolve("cooling_device3"));
    Files.writeString(cd.resolve("type"), "Fan\n");
    Files.writeString(cd.resolve("max_state"), "three\n");
    Files.writeString(cd.resolve("cur_state"), "0\n");
    assertThatThrownBy(() -> SysClassThermal.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(cd.resolve("max_state") + ": not a number: \"three\"");
  }
}
