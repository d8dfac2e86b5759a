package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * cgroup-v2's CgroupV2Value, now also behind cgroup-v1's single-value files, which the v1 reader
 * parsed inline; the differences with that are the last two tests.
 */
class CgroupValueTest {

  @Test
  void numberOrMax() {
    assertThat(CgroupValue.parse("memory.max", "67108864\n").value()).isEqualTo(67108864);
    assertThat(CgroupValue.parse("memory.max", "max\n").isMax()).isTrue();
    assertThat(CgroupValue.parse("memory.max", "max\n").orIfMax(0)).isZero();
    assertThat(CgroupValue.parse("pids.current", "0\n").isMax()).isFalse();
  }

  @Test
  void aV1QuotaOfMinusOneIsANumberNotMax() {
    CgroupValue quota = CgroupValue.parse("cpu.cfs_quota_us", "-1\n");
    assertThat(quota.isMax()).isFalse();
    assertThat(quota.value()).isEqualTo(-1);
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> CgroupValue.parse("pids.max", "unlimited\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pids.max line 1: not a number: \"unlimited\"");
    assertThatThrownBy(() -> CgroupValue.parse("memory.current", "1\n2\n"))
        .hasMessageContaining("memory.current line 1");
  }

  @Test
  void anEmptyFileIsRefusedNotReadAsTheFallback() {
    // cgroup-v1's readLongOr read a blank memory.failcnt, cpu.shares, … as its fallback (0).
    assertThatThrownBy(() -> CgroupValue.parse("memory.failcnt", "\n"))
        .hasMessage("memory.failcnt line 1: expected a number or \"max\", got \"\"");
  }

  @Test
  void garbageInAV1FileNamesTheFile() {
    // cgroup-v1's readLongOr let Long.parseLong's bare NumberFormatException out.
    assertThatThrownBy(() -> CgroupValue.parse("cpu.shares", "lots\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(NumberFormatException.class)
        .hasMessage("cpu.shares line 1: not a number: \"lots\"");
  }
}
