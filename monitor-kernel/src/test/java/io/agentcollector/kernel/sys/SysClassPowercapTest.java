package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysClassPowercapTest {

  @Test
  void zonesNamesAndIndexesOfAHandMadeLaptop() throws Exception {
    Path dir = Fixtures.hostPaths("edge/system-rapl").sys("class", "powercap");
    List<SysClassPowercap.Zone> zones = SysClassPowercap.read(dir).zones();
    assertThat(zones)
        .extracting(z -> z.dir().getFileName() + "=" + z.name() + "/" + z.index())
        .containsExactly(
            "intel-rapl-mmio:0=package/0",
            "intel-rapl:0=package/0",
            "intel-rapl:0:0=core/0",
            "intel-rapl:0:1=uncore/0",
            "intel-rapl:0:2=dram/0",
            "intel-rapl:1=psys/0");
    assertThat(zones.get(4).maxMicrojoules()).isEqualTo(65712999613L);
    assertThat(zones.get(1).energyMicrojoules()).hasValue(71936289183L);
  }

  @Test
  void namesWithoutAnIndexCountUp(@TempDir Path dir) throws Exception {
    for (String z : new String[] {"a:0", "a:1", "a:2", "a:3"}) {
      Files.createDirectories(dir.resolve(z));
      Files.writeString(dir.resolve(z).resolve("max_energy_range_uj"), "100\n");
    }
    Files.writeString(dir.resolve("a:0/name"), "dram\n");
    Files.writeString(dir.resolve("a:1/name"), "dram\n");
    Files.writeString(dir.resolve("a:2/name"), "dram-5\n");
    Files.writeString(dir.resolve("a:3/name"), "dram\n");
    assertThat(SysClassPowercap.read(dir).zones())
        .extracting(SysClassPowercap.Zone::index)
        .containsExactly(0L, 1L, 5L, 6L);
  }

  @Test
  void noPowercapIsNoZonesAndAZoneWithoutItsRangeFails(@TempDir Path dir) throws Exception {
    assertThat(SysClassPowercap.read(dir.resolve("powercap")).zones()).isEmpty();
    Files.createDirectories(dir.resolve("intel-rapl:0"));
    Files.writeString(dir.resolve("intel-rapl:0/name"), "package-0\n");
    assertThatThrownBy(() -> SysClassPowercap.read(dir)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void indexAsGoAtoi() {
    assertThat(SysClassPowercap.parseIndex("0")).isZero();
    assertThat(SysClassPowercap.parseIndex("+7")).isEqualTo(7);
    assertThat(SysClassPowercap.parseIndex("x")).isNull();
    assertThat(SysClassPowercap.parseIndex("")).isNull();
    assertThat(SysClassPowercap.parseIndex("99999999999999999999")).isNull();
  }

  @Test
  void garbageNamesTheFile() {
    assertThatThrownBy(() -> SysClassPowercap.number("/p/energy_uj", "12 µJ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/p/energy_uj: not a number: \"12 µJ\"");
  }
}
