package io.agentcollector.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Merged from plugins/system's ProcPressure and cgroup-v2's CgroupV2Pressure; the differences are
 * the last two tests.
 */
class PsiStatsTest {

  private static final String KUBEPODS =
      "cgroup/v2/kubelet-cgroupfs/sys/fs/cgroup/kubepods/burstable/"
          + "pod7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21/"
          + "f0d64011ff21798ac98339dab250c8dc7bd8c3e3f91e40d5f4470a72a3b764b1/";

  @Test
  void theBuildMachinesHostFiles() throws Exception {
    PsiStats io =
        PsiStats.parse("/proc/pressure/io", KernelFiles.read(Fixtures.path("proc/pressure/io")));
    assertThat(io.someSeconds()).hasValue(22.978101);
    assertThat(io.fullSeconds()).hasValue(13.163749);
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of(
            "cpu before 5.13: no full line",
            "some avg10=0.00 avg60=0.00 avg300=0.00 total=77\n",
            0.000077,
            null),
        Arguments.of(
            "memory, both lines",
            "some avg10=1.25 avg60=0.40 avg300=0.08 total=2150332\n"
                + "full avg10=0.50 avg60=0.10 avg300=0.02 total=804117\n",
            2.150332,
            0.804117),
        Arguments.of(
            "unknown keys and lines ignored",
            "some avg10=0.00 total=1000000 avg600=0.00\nrising total=5\nsomething new\n\n",
            1.0,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void totalsInSeconds(String name, String content, double some, Double full) {
    PsiStats p = PsiStats.parse("memory.pressure", content);
    assertThat(p.someSeconds()).hasValue(some);
    if (full == null) {
      assertThat(p.fullSeconds()).isEmpty();
    } else {
      assertThat(p.fullSeconds()).hasValue(full);
    }
  }

  @Test
  void garbageTotalNamesFileLineAndValue() {
    assertThatThrownBy(() -> PsiStats.parse("io.pressure", "some avg10=0.00 total=lots\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("io.pressure line 1: not a number: \"lots\"");
  }

  @Test
  void microsecondsBecomeTheNearestDoubleOfTheSeconds() throws Exception {
    // plugins/system divided by 1000 twice, as node_exporter does: 1.2773420000000002 for this
    // fixture's 1277342 µs, 2.3203139999999998 for 2320314 µs. One division by 1e6, as cAdvisor
    // does, is correctly rounded; the series stay within any parity tolerance of node_exporter.
    PsiStats cpu =
        PsiStats.parse("cpu.pressure", KernelFiles.read(Fixtures.path(KUBEPODS + "cpu.pressure")));
    assertThat(cpu.fullSeconds()).hasValue(1.277342);
    assertThat(
            PsiStats.parse("cpu", "some avg10=0.00 avg60=0.00 avg300=0.00 total=2320314\n")
                .someSeconds())
        .hasValue(2.320314);
  }

  @Test
  void aSomeOrFullLineWithoutTotalIsRefused() {
    // cgroup-v2's CgroupV2Pressure read such a line as 0 seconds.
    assertThatThrownBy(
            () -> PsiStats.parse("/proc/pressure/io", "some avg10=0.00 avg60=0.00 avg300=0.00\n"))
        .hasMessage(
            "/proc/pressure/io line 1: no total=<number> in \"some avg10=0.00 avg60=0.00"
                + " avg300=0.00\"");
  }
}
