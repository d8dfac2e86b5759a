package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysDevBlockTest {

  @Test
  void namesADeviceByItsSysfsLinkAndCachesTheAnswer(@TempDir Path sys) throws Exception {
    Files.createDirectories(sys.resolve("dev/block"));
    Path link = sys.resolve("dev/block/254:0");
    Files.createSymbolicLink(
        link, Path.of("../../devices/pci0000:00/0000:00:04.0/virtio2/block/vda"));
    SysDevBlock names = new SysDevBlock(sys);
    assertThat(names.name(254, 0)).isEqualTo("/dev/vda");
    assertThat(names.name(8, 0)).as("unknown").isEmpty();
    Files.delete(link);
    assertThat(names.name(254, 0)).as("cached").isEqualTo("/dev/vda");
  }
}
