package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysClassHwmonTest {

  static Stream<Arguments> filenames() {
    return Stream.of(
        Arguments.of("temp1_input", "temp", 1, "input"),
        Arguments.of("temp1_crit_alarm", "temp", 1, "crit_alarm"),
        Arguments.of("in0", "in", 0, ""),
        Arguments.of("beep_enable", "beep_enable", 0, ""),
        Arguments.of("update_interval", "update_interval", 0, ""),
        Arguments.of("power1_average_interval_max", "power", 1, "average_interval_max"),
        Arguments.of("name", "name", 0, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filenames")
  void explodesLikeNodeExporter(String file, String type, int number, String property) {
    assertThat(SysClassHwmon.explode(file))
        .contains(new SysClassHwmon.SensorFile(type, number, property));
  }

  @Test
  void cleanAndNumbers() {
    assertThat(SysClassHwmon.clean("Dummy Sensor!\n")).isEqualTo("dummy_sensor");
    assertThat(SysClassHwmon.clean("0000:00:18.3")).isEqualTo("0000:00:18_3");
    assertThat(SysClassHwmon.explode("1abc")).isEmpty();
    assertThat(SysClassHwmon.number("45000")).hasValue(45000);
    assertThat(SysClassHwmon.number("-2000")).hasValue(-2000);
    assertThat(SysClassHwmon.number("N/A")).isEmpty();
    assertThat(SysClassHwmon.number("45000 ")).isEmpty();
    assertThat(SysClassHwmon.number("1d")).isEmpty();
  }
}
