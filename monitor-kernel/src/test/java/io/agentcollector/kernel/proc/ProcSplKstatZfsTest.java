package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSplKstatZfsTest {

  private static final Path ZFS = Fixtures.path("edge/disk-storage/proc/spl/kstat/zfs");

  /** Hand-written in spl's kstat format: see the fixture README. */
  @Test
  void namedKstatKeepsTheUint64Rows() throws Exception {
    ProcSplKstatZfs.Named arc =
        ProcSplKstatZfs.parseNamed("arcstats", Files.readString(ZFS.resolve("arcstats")));
    assertThat(arc.names()).hasSize(42).startsWith("hits", "misses").contains("c_max");
    assertThat(arc.names())
        .as("type 3 (int64) is skipped")
        .doesNotContain("memory_available_bytes");
    assertThat(arc.values()[0]).isEqualTo(1961861302L);
    assertThat(arc.values()[arc.names().indexOf("c_max")]).isEqualTo(16L << 30);
    assertThat(arc.datasetName()).isEmpty();
  }

  @Test
  void objsetHasItsDatasetName() throws Exception {
    ProcSplKstatZfs.Named o =
        ProcSplKstatZfs.parseNamed("objset", Files.readString(ZFS.resolve("tank/objset-0x8b")));
    assertThat(o.datasetName()).isEqualTo("tank/home");
    assertThat(o.names())
        .containsExactly("writes", "nwritten", "reads", "nread", "nunlinks", "nunlinked");
    assertThat(o.values()).containsExactly(120455, 9123414016L, 880213, 75123200123L, 4402, 4400);
  }

  @Test
  void ioKstat() throws Exception {
    ProcSplKstatZfs.Io io = ProcSplKstatZfs.parseIo("io", Files.readString(ZFS.resolve("tank/io")));
    assertThat(io.names()).hasSize(12).startsWith("nread", "nwritten").endsWith("wcnt", "rcnt");
    assertThat(io.values()).startsWith(1884160000L, 3206144000L, 22010);
    assertThat(ProcSplKstatZfs.parseIo("io", "1 3 0x00\n").names()).isEmpty();
  }

  @Test
  void poolsWithTheirFiles() throws Exception {
    List<ProcSplKstatZfs.Pool> pools = ProcSplKstatZfs.pools(ZFS);
    assertThat(pools).extracting(ProcSplKstatZfs.Pool::name).containsExactly("backup", "tank");
    ProcSplKstatZfs.Pool tank = pools.get(1);
    assertThat(tank.objsets())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("objset-0x36", "objset-0x8b");
    assertThat(tank.io()).hasFileName("io");
    assertThat(tank.state()).hasFileName("state");
  }

  @Test
  void noZfsIsNoPool(@TempDir Path proc) throws Exception {
    assertThat(ProcSplKstatZfs.pools(proc.resolve("spl/kstat/zfs"))).isEmpty();
  }

  @Test
  void garbageNamesTheFile() {
    assertThatThrownBy(
            () -> ProcSplKstatZfs.parseNamed("/proc/spl/kstat/zfs/zil", "1 1 0x01\nhits 4 1\n"))
        .hasMessage("/proc/spl/kstat/zfs/zil: no \"name type data\" line");
    assertThatThrownBy(
            () ->
                ProcSplKstatZfs.parseNamed(
                    "/proc/spl/kstat/zfs/zil", "name type data\nhits 4 -1\n"))
        .hasMessage("/proc/spl/kstat/zfs/zil line 2: not a number: \"-1\"");
    assertThatThrownBy(
            () ->
                ProcSplKstatZfs.parseIo(
                    "/proc/spl/kstat/zfs/tank/io", "1 3 0x00\nnread a b c d e f g h i j k\n1 2\n"))
        .hasMessage("/proc/spl/kstat/zfs/tank/io line 3: 2 values for 12 fields");
  }
}
