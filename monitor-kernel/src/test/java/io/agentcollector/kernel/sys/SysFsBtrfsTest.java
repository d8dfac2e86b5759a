package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.sys.SysFsBtrfs.BlockGroup;
import io.agentcollector.kernel.sys.SysFsBtrfs.Layout;
import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysFsBtrfsTest {

  /** Hand-written: a 3-disk raid5/raid1c3 pool and a single-device filesystem (README). */
  @Test
  void twoFilesystemsButNotTheFeaturesDirectory() throws Exception {
    List<SysFsBtrfs> all = SysFsBtrfs.read(Fixtures.path("edge/disk-storage/sys/fs/btrfs"));
    assertThat(all)
        .extracting(SysFsBtrfs::uuid)
        .containsExactly(
            "0f3a2b1c-5d6e-4f70-8192-a3b4c5d6e7f8", "7c1d5e9a-2b3f-4a6c-9d8e-0f1a2b3c4d5e");
    SysFsBtrfs pool = all.get(0);
    assertThat(pool.label()).isEqualTo("pool");
    assertThat(pool.globalRsvSizeBytes()).isEqualTo(512L << 20);
    assertThat(pool.deviceSizes())
        .containsOnlyKeys("sdb", "sdc", "sdd")
        .containsEntry("sdb", 3907029168L * 512);
    assertThat(pool.blockGroups())
        .extracting(BlockGroup::type)
        .containsExactly("data", "metadata", "system");
    assertThat(pool.blockGroups().get(0).layouts())
        .containsExactly(new Layout("raid5", 2000L << 30, 1649390898453L, 1.5));
    assertThat(pool.blockGroups().get(1).reservedBytes()).isEqualTo(49152);
    assertThat(pool.blockGroups().get(1).layouts().get(0).ratio()).isEqualTo(3);
    SysFsBtrfs single = all.get(1);
    assertThat(single.label()).isEmpty();
    assertThat(single.blockGroups().get(1).layouts())
        .containsExactly(new Layout("dup", 2L << 30, (1L << 30) + 16384 * 900, 2));
  }

  @Test
  void ratios() {
    assertThat(SysFsBtrfs.ratio("raid6", 4)).isEqualTo(2);
    assertThat(SysFsBtrfs.ratio("raid10", 4)).isEqualTo(2);
    assertThat(SysFsBtrfs.ratio("raid1c4", 4)).isEqualTo(4);
    assertThat(SysFsBtrfs.ratio("future", 4)).isZero();
  }

  @Test
  void missingAttributesReadAsZeroAndNoBtrfsIsNoFilesystem(@TempDir Path sys) throws Exception {
    assertThat(SysFsBtrfs.read(sys.resolve("fs/btrfs"))).isEmpty();
    Files.createDirectories(sys.resolve("fs/btrfs/a-b/allocation/data/single"));
    SysFsBtrfs fs = SysFsBtrfs.read(sys.resolve("fs/btrfs")).get(0);
    assertThat(fs.uuid()).isEqualTo("a-b");
    assertThat(fs.blockGroups().get(0).layouts()).containsExactly(new Layout("single", 0, 0, 1));
    assertThat(fs.blockGroups().get(1).layouts()).isEmpty();
  }

  @Test
  void garbageNamesTheFile(@TempDir Path sys) throws Exception {
    Path fs = Files.createDirectories(sys.resolve("a-b/allocation"));
    Files.writeString(fs.resolve("global_rsv_size"), "12x\n");
    assertThatThrownBy(() -> SysFsBtrfs.read(sys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(fs.resolve("global_rsv_size") + " line 1: not a number: \"12x\"");
  }
}
