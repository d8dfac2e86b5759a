package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysCpufreqTest {

  @Test
  void cpusWithCpufreqInNameOrderOfAHandMadeTree() throws Exception {
    Path cpuDir = Fixtures.hostPaths("edge/cpu-cpufreq").sys("devices", "system", "cpu");
    List<SysCpufreq.Cpu> cpus = SysCpufreq.read(cpuDir).cpus();
    assertThat(cpus).extracting(SysCpufreq.Cpu::name).containsExactly("0", "1", "2");
    assertThat(cpus.get(0))
        .isEqualTo(
            new SysCpufreq.Cpu(
                "0",
                OptionalLong.of(2400000),
                OptionalLong.of(800000),
                OptionalLong.of(3600000),
                OptionalLong.of(2399712),
                OptionalLong.of(800000),
                OptionalLong.of(3600000)));
    assertThat(cpus.get(1).cpuinfoCurKhz()).as("root only, absent here").isEmpty();
  }

  @Test
  void theBuildVmHasNone() throws Exception {
    assertThat(SysCpufreq.read(Fixtures.hostPaths().sys("devices", "system", "cpu")).cpus())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<unknown>", "-1", "2.4e6", "18446744073709551616"})
  void garbageNamesTheFile(String value) {
    assertThatThrownBy(() -> SysCpufreq.parse("/sys/x/scaling_cur_freq", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("/sys/x/scaling_cur_freq: not a number");
  }
}
