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

class SysDevicesSystemEdacMcTest {

  @Test
  void controllersAndRowsOfAHandMadeServer() throws Exception {
    Path mc = Fixtures.hostPaths("edge/system-edac").sys("devices", "system", "edac", "mc");
    assertThat(SysDevicesSystemEdacMc.read(mc).controllers())
        .containsExactly(
            new SysDevicesSystemEdacMc.Controller(
                "0",
                3,
                1,
                0,
                0,
                List.of(
                    new SysDevicesSystemEdacMc.Csrow("0", 2, 0),
                    new SysDevicesSystemEdacMc.Csrow("1", 0, 0))),
            new SysDevicesSystemEdacMc.Controller("1", 0, 0, 1, 1, List.of()));
  }

  @Test
  void noEdacIsNoControllersAndAMissingCountFails(@TempDir Path dir) throws Exception {
    assertThat(SysDevicesSystemEdacMc.read(dir.resolve("mc")).controllers()).isEmpty();
    Files.createDirectories(dir.resolve("mc0"));
    Files.writeString(dir.resolve("mc0/ce_count"), "0\n");
    assertThatThrownBy(() -> SysDevicesSystemEdacMc.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("ce_noinfo_count");
  }

  @Test
  void garbageNamesTheFile() {
    assertThatThrownBy(() -> SysDevicesSystemEdacMc.number("/mc0/ue_count", "-1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/mc0/ue_count: not a number: \"-1\"");
  }
}
