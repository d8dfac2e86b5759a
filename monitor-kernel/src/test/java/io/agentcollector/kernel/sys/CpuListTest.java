package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Merged from plugins/cpu's SysCpuIsolated and the runtime's ContainerCollector.countCpus (for
 * machine_cpu_cores); the differences are the last two tests.
 */
class CpuListTest {

  private static final String ISOLATED = "/sys/devices/system/cpu/isolated";
  private static final String ONLINE = "/sys/devices/system/cpu/online";

  @Test
  void noIsolatedCpusOnTheBuildMachine() throws Exception {
    String real = KernelFiles.read(Fixtures.path("sys/devices/system/cpu/isolated"));
    assertThat(real).isEqualTo("\n");
    assertThat(CpuList.parse(ISOLATED, real).cpus()).isEmpty();
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
    assertThat(CpuList.parse(ISOLATED, content).cpus()).isEqualTo(cpus);
  }

  @Test
  void countsTheOnlineCpus() {
    assertThat(CpuList.parse(ONLINE, "0-3,5,7-8\n").count()).isEqualTo(7);
    assertThat(CpuList.parse(ONLINE, "0\n").count()).isEqualTo(1);
  }

  @Test
  void garbageNamesTheFileAndValue() {
    assertThatThrownBy(() -> CpuList.parse(ISOLATED, "1,a-3\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/sys/devices/system/cpu/isolated line 1: bad CPU \"a\" in \"1,a-3\"");
    assertThatThrownBy(() -> CpuList.parse(ISOLATED, "1-2-3\n"))
        .hasMessage("/sys/devices/system/cpu/isolated line 1: bad CPU \"2-3\" in \"1-2-3\"");
    assertThatThrownBy(() -> CpuList.parse(ONLINE, "0-1, 3\n"))
        .as("the kernel writes no spaces")
        .hasMessage("/sys/devices/system/cpu/online line 1: bad CPU \" 3\" in \"0-1, 3\"");
    assertThatThrownBy(() -> CpuList.parse(ONLINE, "0,,2\n")).hasMessageContaining("bad CPU \"\"");
  }

  @Test
  void backwardsOrHugeRangesAreRefused() {
    // countCpus counted "3-1" as -1 CPUs.
    assertThatThrownBy(() -> CpuList.parse(ONLINE, "3-1\n"))
        .hasMessage("/sys/devices/system/cpu/online line 1: bad range \"3-1\" in \"3-1\"");
    // Ten bytes per 65536 CPUs: a corrupt file must not fill the heap.
    String huge = "0-65535,".repeat(200);
    assertThatThrownBy(() -> CpuList.parse(ISOLATED, huge + "\n"))
        .hasMessageStartingWith("/sys/devices/system/cpu/isolated line 1: bad range \"0-65535\"");
  }

  @Test
  void anEmptyListIsNoCpus() {
    // countCpus counted an empty online file as 1 CPU.
    assertThat(CpuList.parse(ONLINE, "\n").count()).isZero();
  }
}
