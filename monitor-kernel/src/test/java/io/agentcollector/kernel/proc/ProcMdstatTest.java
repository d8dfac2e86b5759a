package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.proc.ProcMdstat.Array;
import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcMdstatTest {

  /** Hand-written in md_seq_show's format: see testdata/fixtures/README.md. */
  @Test
  void everyKindOfArray() throws Exception {
    ProcMdstat md =
        ProcMdstat.parse(Files.readString(Fixtures.path("edge/disk-storage/proc/mdstat")));
    assertThat(md.arrays())
        .containsExactly(
            new Array("md0", "active", 2, 2, 0, 0, 0, 1046528, 1046528),
            new Array("md1", "recovering", 3, 4, 0, 1, 0, 5860147200L, 441578624),
            new Array("md2", "resyncing", 4, 4, 0, 0, 0, 3906764800L, 0),
            new Array("md3", "checking", 6, 6, 0, 0, 0, 7813525504L, 166070528),
            new Array("md4", "active", 2, 2, 0, 0, 0, 3906764800L, 3906764800L),
            new Array("md5", "active", 1, 2, 1, 1, 1, 976630464, 976630464),
            new Array("md127", "inactive", 0, 0, 0, 0, 1, 1953382488, 1953382488));
  }

  @Test
  void noArraysIsAnEmptyList() {
    assertThat(ProcMdstat.parse("Personalities : \nunused devices: <none>\n").arrays()).isEmpty();
    assertThat(ProcMdstat.parse("").arrays()).isEmpty();
  }

  @Test
  void delayedResyncHasNothingSyncedAndUnknownMarksAreIgnored() {
    ProcMdstat md =
        ProcMdstat.parse(
            """
            md9 : active (auto-read-only) raid1 sdb1[1](W) sda1[0](R)
                  100 blocks super 1.2 [2/2] [UU]
                  \tresync=DELAYED
                  bitmap: 0/1 pages [0KB], 65536KB chunk

            """);
    assertThat(md.arrays()).containsExactly(new Array("md9", "resyncing", 2, 2, 0, 0, 0, 100, 0));
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of(
            "no colon", "md0 active raid1\n  1 blocks\n\n\n", "/proc/mdstat line 1: expected"),
        Arguments.of(
            "cut after the array line",
            "md0 : active raid1 sda1[0]\n      100 blocks",
            "/proc/mdstat line 1: too few lines"),
        Arguments.of(
            "size not a number",
            "md0 : active raid1 sda1[0]\n      1x0 blocks [1/1] [U]\n\n\n",
            "/proc/mdstat line 2: not a number: \"1x0\""),
        Arguments.of(
            "no disk counts",
            "md0 : active raid1 sda1[0]\n      100 blocks super 1.2\n\n\n",
            "/proc/mdstat line 2: no \"[total/active] [U_]\""),
        Arguments.of(
            "recovery without its block counts",
            "md0 : active raid1 sda1[0]\n      100 blocks [2/1] [U_]\n      recovery = 1%\n\n",
            "/proc/mdstat line 3: no \"(synced/total)\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesTheLine(String name, String content, String message) {
    assertThatThrownBy(() -> ProcMdstat.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
