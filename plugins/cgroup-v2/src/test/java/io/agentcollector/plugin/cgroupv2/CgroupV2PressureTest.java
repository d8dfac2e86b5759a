package io.agentcollector.plugin.cgroupv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.container.ContainerStats.Pressure;
import org.junit.jupiter.api.Test;

class CgroupV2PressureTest {

  @Test
  void someIsWaitingFullIsStalledInSeconds() {
    String content = "some avg10=1.25 avg60=0.40 avg300=0.08 total=2150332\n"
        + "full avg10=0.50 avg60=0.10 avg300=0.02 total=804117\n";
    assertThat(CgroupV2Pressure.parse("memory.pressure", content)).isEqualTo(new Pressure(2.150332, 0.804117));
  }

  @Test
  void cpuBeforeKernel513HasNoFullLine() {
    assertThat(CgroupV2Pressure.parse("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=77\n"))
        .isEqualTo(new Pressure(0.000077, 0));
  }

  @Test
  void unknownKeysAndLinesAreIgnored() {
    String content = "some avg10=0.00 total=1000000 avg600=0.00\nrising total=5\n\n";
    assertThat(CgroupV2Pressure.parse("io.pressure", content)).isEqualTo(new Pressure(1, 0));
  }

  @Test
  void garbageTotalIsRejectedNamingTheFile() {
    assertThatThrownBy(() -> CgroupV2Pressure.parse("io.pressure", "some avg10=0.00 total=lots\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io.pressure line 1");
  }
}
