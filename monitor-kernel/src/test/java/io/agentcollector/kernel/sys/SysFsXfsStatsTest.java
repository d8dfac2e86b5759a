package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysFsXfsStatsTest {

  /** Hand-written Linux 6.x files (see the fixture README); the global stats/stats is no device. */
  @Test
  void everyMountedFilesystemButTheGlobalSum() throws Exception {
    List<SysFsXfsStats> all = SysFsXfsStats.read(Fixtures.path("edge/disk-storage/sys/fs/xfs"));
    assertThat(all).extracting(SysFsXfsStats::device).containsExactly("dm-2", "sda1");
    SysFsXfsStats sda1 = all.get(1);
    assertThat(sda1.groups().get("extent_alloc")).containsExactly(92447, 97589, 92448, 93751);
    assertThat(sda1.groups().get("rw")).containsExactly(107739, 94045);
    // Linux 6.x prints 8 vnode counters; the eighth (free) is not kept.
    assertThat(sda1.groups().get("vnodes"))
        .containsExactly(4294967295L, 6521, 0, 0, 6516, 6516, 6516);
    assertThat(sda1.groups().get("ig")).containsExactly(42581, 3066, 0, 39515, 0, 39515, 1025);
    assertThat(sda1.groups()).containsOnlyKeys(SysFsXfsStats.GROUPS.keySet());
  }

  @Test
  void noXfsIsNoFilesystem(@TempDir Path sys) throws Exception {
    assertThat(SysFsXfsStats.read(sys.resolve("fs/xfs"))).isEmpty();
  }

  @Test
  void anOldKernelsSevenVnodeCountersAndAMissingGroupReadAsZeros() {
    SysFsXfsStats s = SysFsXfsStats.parse("sdb", "vnodes 1 2 3 4 5 6 7\nnewgroup x y\n");
    assertThat(s.groups().get("vnodes")).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(s.groups().get("abt")).containsExactly(0, 0, 0, 0);
  }

  @Test
  void aFilesystemUnmountedWhileListedIsLeftOut(@TempDir Path xfs) throws Exception {
    Files.createDirectories(xfs.resolve("sdc1"));
    assertThat(SysFsXfsStats.read(xfs)).isEmpty();
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of(
            "too few values", "rw 1\n", "/sys/fs/xfs/sda1/stats/stats line 1: \"rw\" has 1 values"),
        Arguments.of(
            "not a number",
            "abt 1 2 3 4\nig 1 2 x 4 5 6 7\n",
            "/sys/fs/xfs/sda1/stats/stats line 2: not a number: \"x\""),
        Arguments.of(
            "cut short",
            "rw 1 2\ndir 1 2 3 4",
            "/sys/fs/xfs/sda1/stats/stats: no newline at the end"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileAndLine(String name, String content, String message) {
    assertThatThrownBy(() -> SysFsXfsStats.parse("sda1", content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
