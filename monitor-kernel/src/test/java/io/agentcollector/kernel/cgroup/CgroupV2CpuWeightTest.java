package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CgroupV2CpuWeightTest {

  /** cAdvisor's 2 + ((w - 1) * 262142) / 9999, truncating; a weight outside 1..10000 gives 0. */
  @ParameterizedTest(name = "weight {0} -> shares {1}")
  @CsvSource({
    "1, 2",
    "4, 80", // 102 shares (100m) under runc <= 1.3
    "10, 237",
    "39, 998", // 1024 shares under runc <= 1.3
    "100, 2597", // the default; 1024 shares under runc >= 1.4
    "10000, 262144",
    "0, 0", // out of range
    "10001, 0",
  })
  void sharesAsCadvisorComputesThem(String weight, long shares) {
    assertThat(CgroupV2CpuWeight.parse(weight + "\n").shares()).isEqualTo(shares);
  }

  @Test
  void emptyIsNoWeight() {
    assertThat(CgroupV2CpuWeight.parse("").shares()).isZero();
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> CgroupV2CpuWeight.parse("heavy"))
        .hasMessage("cpu.weight line 1: not a number: \"heavy\"");
  }
}
