package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysClassScsiTapeTest {

  /** Hand-written: st0 (with its nst0 and st0a nodes), st1, and st2 without stats (README). */
  @Test
  void theStDevicesWithStatistics() throws Exception {
    List<SysClassScsiTape> tapes =
        SysClassScsiTape.read(Fixtures.path("edge/disk-storage/sys/class/scsi_tape"));
    assertThat(tapes).extracting(SysClassScsiTape::name).containsExactly("st0", "st1");
    assertThat(tapes.get(0).counters())
        .containsExactly(
            1,
            9247011087720L,
            1409,
            979383912,
            3741,
            33788355744L,
            19,
            1496246784000L,
            2861010,
            5233857289310L);
  }

  @Test
  void names() {
    assertThat(SysClassScsiTape.isTape("st12")).isTrue();
    assertThat(SysClassScsiTape.isTape("st")).isFalse();
    assertThat(SysClassScsiTape.isTape("nst0")).isFalse();
    assertThat(SysClassScsiTape.isTape("st0l")).isFalse();
  }

  @Test
  void aMissingCounterIsZeroAndNoDriverIsNoTape(@TempDir Path sys) throws Exception {
    assertThat(SysClassScsiTape.read(sys.resolve("class/scsi_tape"))).isEmpty();
    Files.createDirectories(sys.resolve("st3/stats"));
    Files.writeString(sys.resolve("st3/stats/read_cnt"), "7\n");
    assertThat(SysClassScsiTape.read(sys).get(0).counters())
        .containsExactly(0, 0, 0, 0, 7, 0, 0, 0, 0, 0);
  }

  @Test
  void garbageNamesTheFile(@TempDir Path sys) throws Exception {
    Files.createDirectories(sys.resolve("st0/stats"));
    Files.writeString(sys.resolve("st0/stats/io_ns"), "12 34\n");
    assertThatThrownBy(() -> SysClassScsiTape.read(sys))
        .hasMessage(sys.resolve("st0/stats/io_ns") + " line 1: not a number: \"12 34\"");
  }
}
