package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysCpuThrottlesTest {

  @Test
  void oneCountPerPackageAndPerCoreOnAHandMadeBareMetalTree() throws Exception {
    Path cpuDir = Fixtures.hostPaths("edge/cpu-bare-metal").sys("devices", "system", "cpu");
    assertThat(SysCpuThrottles.present(cpuDir)).isTrue();
    SysCpuThrottles t = SysCpuThrottles.read(cpuDir);
    assertThat(t.packages()).isEqualTo(Map.of(0L, 40L, 1L, 11L));
    // cpu2 and cpu3 are SMT siblings of package 1 core 0; cpu10 has no topology and is skipped.
    assertThat(t.cores()).isEqualTo(Map.of(0L, Map.of(0L, 7L, 1L, 0L), 1L, Map.of(0L, 3L)));
  }

  @Test
  void aVirtualMachineHasNone(@TempDir Path empty) throws Exception {
    Path cpuDir = Fixtures.hostPaths().sys("devices", "system", "cpu");
    assertThat(SysCpuThrottles.present(cpuDir)).isFalse();
    assertThat(SysCpuThrottles.read(cpuDir)).isEqualTo(new SysCpuThrottles(Map.of(), Map.of()));
    assertThat(SysCpuThrottles.present(empty.resolve("sys/devices/system/cpu"))).isFalse();
  }
}
