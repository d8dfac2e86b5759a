package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysClassDmiIdTest {

  @Test
  void everyRegularFileButModaliasAndUeventOfAHandMadeServer() throws Exception {
    Map<String, String> a =
        SysClassDmiId.read(Fixtures.hostPaths("edge/system-dmi").sys("class", "dmi", "id"))
            .attributes();
    assertThat(a)
        .containsEntry("bios_vendor", "American Megatrends Inc.")
        .containsEntry("sys_vendor", "Supermicro")
        .containsEntry("chassis_type", "17")
        .containsEntry("board_asset_tag", "")
        .doesNotContainKeys("modalias", "uevent", "power");
    assertThat(a).hasSize(21);
  }

  @Test
  void noDmiIsNoAttributes(@TempDir Path dir) throws Exception {
    assertThat(SysClassDmiId.read(dir.resolve("id")).attributes()).isEmpty();
    assertThat(SysClassDmiId.read(Fixtures.hostPaths().sys("class", "dmi", "id")).attributes())
        .isEmpty();
  }

  @Test
  void valuesAreTrimmedUtf8WithInvalidBytesReplaced(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("board_vendor"), new byte[] {'A', (byte) 0xc3, (byte) 0xa9, ' ', '\n'});
    Files.write(dir.resolve("product_name"), new byte[] {'X', (byte) 0xff, (byte) 0xfe, 'Y', '\n'});
    assertThat(SysClassDmiId.read(dir).attributes())
        .isEqualTo(Map.of("board_vendor", "A\u00e9", "product_name", "X\uFFFDY"));
  }
}
