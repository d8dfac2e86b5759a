package io.agentcollector.kernel.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdevDataTest {

  @Test
  void onlyPropertyLinesCount() throws Exception {
    UdevData d =
        UdevData.parse(Files.readString(Fixtures.path("edge/disk-udev/rootfs/run/udev/data/b8:0")));
    assertThat(d.get("ID_MODEL")).isEqualTo("Samsung_SSD_860_EVO_500GB");
    assertThat(d.get("ID_SERIAL_SHORT")).isEqualTo("S3Z1NB0K123456X");
    assertThat(d.get("ID_ATA_ROTATION_RATE_RPM")).isEqualTo("0");
    assertThat(d.properties())
        .doesNotContainKeys("S", "disk/by-id/ata-Samsung_SSD_860_EVO_500GB_S3Z1NB0K123456X");
    assertThat(d.get("ID_FS_TYPE")).as("absent is empty").isEmpty();
  }

  @Test
  void edgeCases() {
    UdevData d =
        UdevData.parse("E:A=x=y\r\nE:EMPTY=\nE:NOEQUALS\nS:B=1\nE:C=a b \nE:A2=1\nE:A2=2\n");
    assertThat(d.get("A")).as("split at the first =, CR dropped").isEqualTo("x=y");
    assertThat(d.properties()).containsEntry("EMPTY", "").doesNotContainKeys("NOEQUALS", "B");
    assertThat(d.get("C")).as("blanks kept as udev wrote them").isEqualTo("a b ");
    assertThat(d.get("A2")).as("last one wins").isEqualTo("2");
    assertThat(UdevData.parse("").properties()).isEmpty();
  }

  @Test
  void readsTheDevicesEntryAsUtf8AndNoneWithoutOne(@TempDir Path data) throws Exception {
    byte[] utf8 = "E:ID_MODEL=Disque_\u00e9t\u00e9\n".getBytes(StandardCharsets.UTF_8);
    Files.write(data.resolve("b8:16"), utf8);
    assertThat(UdevData.read(data, 8, 16).get("ID_MODEL")).isEqualTo("Disque_\u00e9t\u00e9");
    assertThat(UdevData.read(data, 8, 0)).isSameAs(UdevData.NONE);
    assertThat(UdevData.read(data.resolve("missing"), 8, 16)).isSameAs(UdevData.NONE);
  }
}
