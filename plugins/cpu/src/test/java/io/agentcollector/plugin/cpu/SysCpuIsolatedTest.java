package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysCpuIsolatedTest {

  @Test
  void noIsolatedCpusOnTheBuildMachine() throws Exception {
    String real = Files.readString(Fixtures.path("sys/devices/system/cpu/isolated"));
    assertThat(real).isEqualTo("\n");
    assertThat(SysCpuIsolated.parse(real).cpus()).isEmpty();
  }

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("one cpu", "3\n", List.of(3)),
        Arguments.of("a range", "2-3\n", List.of(2, 3)),
        Arguments.of("ranges and singles", "0,2-4,7\n", List.of(0, 2, 3, 4, 7)),
        Arguments.of("empty", "", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void cpuLists(String name, String content, List<Integer> cpus) {
    assertThat(SysCpuIsolated.parse(content).cpus()).isEqualTo(cpus);
  }

  @Test
  void garbageNamesTheValue() {
    assertThatThrownBy(() -> SysCpuIsolated.parse("1,a-3\n"))
        .hasMessage("/sys/devices/system/cpu/isolated line 1: bad CPU \"a\" in \"1,a-3\"");
    assertThatThrownBy(() -> SysCpuIsolated.parse("1-2-3\n"))
        .hasMessage("/sys/devices/system/cpu/isolated line 1: bad CPU \"2-3\" in \"1-2-3\"");
  }

  @Test
  void backwardsOrHugeRangesAreRefused() {
    assertThatThrownBy(() -> SysCpuIsolated.parse("3-1\n"))
        .hasMessage("/sys/devices/system/cpu/isolated line 1: bad range \"3-1\" in \"3-1\"");
    // Ten bytes per 65536 CPUs: a corrupt file must not fill the heap.
    String huge = "0-65535,".repeat(200);
    assertThatThrownBy(() -> SysCpuIsolated.parse(huge + "\n"))
        .hasMessageStartingWith("/sys/devices/system/cpu/isolated line 1: bad range \"0-65535\"");
  }
}
