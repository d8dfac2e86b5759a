package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ProcPressure: inline kernel variants. */
class ProcParsersTest {

  static Stream<Arguments> pressureVariants() {
    return Stream.of(
        Arguments.of(
            "cpu before 5.13: no full line",
            "some avg10=0.00 avg60=0.00 avg300=0.00 total=2320314\n",
            2.3203139999999998,
            null),
        Arguments.of(
            "io with full",
            "some avg10=0.30 avg60=0.62 avg300=0.62 total=22737516\n"
                + "full avg10=0.01 avg60=0.06 avg300=0.06 total=12999427\n",
            // Divided twice like node_exporter: the same last-bit artefacts as Go.
            22.737516,
            12.999426999999999),
        Arguments.of(
            "unknown key and unknown line ignored",
            "some avg10=0.00 avg600=1.0 total=1000000\nsomething new\n",
            1.0,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pressureVariants")
  void pressureTotalsInSeconds(String name, String content, double some, Double full) {
    ProcPressure p = ProcPressure.parse("cpu", content);
    assertThat(p.someSeconds()).hasValue(some);
    if (full == null) {
      assertThat(p.fullSeconds()).isEmpty();
    } else {
      assertThat(p.fullSeconds()).hasValue(full);
    }
  }

  @Test
  void pressureWithoutTotalNamesTheLine() {
    assertThatThrownBy(() -> ProcPressure.parse("io", "some avg10=0.00 total=abc\n"))
        .hasMessage("/proc/pressure/io line 1: no total=<number> in \"some avg10=0.00 total=abc\"");
  }
}
