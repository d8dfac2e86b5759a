package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysFsBcacheTest {

  private static final Path BCACHE = Fixtures.path("edge/disk-storage/sys/fs/bcache");

  /** Hand-written: one cache set with a backing and a cache device (fixture README). */
  @Test
  void aCacheSet() throws Exception {
    List<SysFsBcache> sets = SysFsBcache.read(BCACHE, false);
    assertThat(sets).hasSize(1);
    SysFsBcache s = sets.get(0);
    assertThat(s.uuid()).isEqualTo("deaddd54-c735-46d5-868e-f331c5fd7c74");
    // 14.2k: 14 + 2/10.24 KiB, as procfs reads bch_hprint's digit.
    assertThat(s.set()).containsExactly(14536, 35115008, 82, 0, 7, 2, 16, 1214, 1305, 3);
    SysFsBcache.Backing b = s.backings().get(0);
    assertThat(b.name()).isEqualTo("bdev0");
    assertThat(b.dirtyData()).isEqualTo(1598029824);
    assertThat(b.writeback())
        .containsExactly(1150976, 1598029824, 3091202048L, -3555328, 41860, -17084);
    assertThat(b.total()).containsExactly(1178599424, 6312109, 220133, 1204, 44, 7, 0);
    SysFsBcache.Cache c = s.caches().get(0);
    assertThat(c.name()).isEqualTo("cache0");
    assertThat(c.written()).isEqualTo(1529008357376L);
    assertThat(c.priority()).isEmpty();
    assertThat(SysFsBcache.read(BCACHE, true).get(0).caches().get(0).priority().orElseThrow())
        .containsExactly(19, 3);
  }

  @Test
  void noBcacheIsNoCacheSet(@TempDir Path sys) throws Exception {
    assertThat(SysFsBcache.read(sys.resolve("fs/bcache"), true)).isEmpty();
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("512", 512),
        Arguments.of("0.0k", 0),
        Arguments.of("1.5M", 1560576),
        Arguments.of("1000.9k", 1024900),
        Arguments.of("3G", 3L << 30));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void humanizedValues(String text, long value) {
    assertThat(BcacheValues.dehumanize("f", text)).isEqualTo(value);
  }

  @Test
  void garbageNamesTheFile() {
    assertThatThrownBy(() -> BcacheValues.dehumanize("/sys/fs/bcache/x/btree_cache_size", "1.5Q"))
        .hasMessage("/sys/fs/bcache/x/btree_cache_size: not a bcache value: \"1.5Q\"");
    assertThatThrownBy(() -> BcacheValues.dehumanize("f", "")).hasMessageStartingWith("f: ");
    assertThatThrownBy(() -> BcacheValues.dehumanize("f", "1.2.3k")).hasMessageStartingWith("f: ");
    assertThatThrownBy(() -> BcacheValues.writebackRateDebug("f", "rate:\t\tfast/sec\n"))
        .hasMessage("f: not a bcache value: \"fast\"");
    assertThatThrownBy(() -> BcacheValues.priorityStats("f", "Unused:\tmost%\n"))
        .hasMessageStartingWith("f line 1: not a number");
  }
}
