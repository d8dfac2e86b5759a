package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * plugins/mem's ProcMeminfo, now also behind the runtime's machine_memory_bytes, which split the
 * file by hand; the differences with that are the last two tests.
 */
class ProcMeminfoTest {

  private static final long MEM_TOTAL_KB = 24683620;

  @Test
  void theBuildMachinesFileInBytes() throws Exception {
    ProcMeminfo m = ProcMeminfo.parse(KernelFiles.read(Fixtures.path("proc/meminfo")));
    assertThat(m.fields().get(0).key()).isEqualTo("MemTotal");
    assertThat(m.get("MemTotal")).hasValue(MEM_TOTAL_KB * 1024);
    assertThat(m.get("HugePages_Total")).as("no unit: a count").hasValue(0);
    assertThat(m.fields())
        .filteredOn(f -> f.key().equals("HugePages_Total"))
        .singleElement()
        .satisfies(f -> assertThat(f.bytes()).isFalse());
  }

  @Test
  void garbageNamesTheLine() {
    assertThatThrownBy(() -> ProcMeminfo.parse("MemTotal: lots kB\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/proc/meminfo line 1: not a number in \"MemTotal: lots kB\"");
    assertThatThrownBy(() -> ProcMeminfo.parse("MemTotal 1000 kB\n"))
        .hasMessageContaining("line 1: expected");
  }

  @Test
  void aFileCutShortIsRefused() {
    // Cut inside "MemFree: 500 kB": "50" would read as 50 kB.
    assertThatThrownBy(() -> ProcMeminfo.parse("MemTotal: 1000 kB\nMemFree: 50"))
        .hasMessage("/proc/meminfo: no newline at the end, the file is cut short");
    assertThatThrownBy(() -> ProcMeminfo.parse(""))
        .hasMessage("/proc/meminfo: no newline at the end, the file is cut short");
    assertThat(ProcMeminfo.parse("MemTotal: 1000 kB\nHugePages_Total: 0\n").get("HugePages_Total"))
        .hasValue(0);
  }

  @Test
  void digitsAmongGarbageAreNoValue() {
    // machine_memory_bytes kept the digits of the line: "12a34 kB" read as 1234 kB.
    assertThatThrownBy(() -> ProcMeminfo.parse("MemTotal: 12a34 kB\n"))
        .hasMessage("/proc/meminfo line 1: not a number in \"MemTotal: 12a34 kB\"");
  }

  @Test
  void anUnknownUnitIsRefused() {
    // machine_memory_bytes took every value for kB.
    assertThatThrownBy(() -> ProcMeminfo.parse("MemTotal: 1 MB\n"))
        .hasMessage("/proc/meminfo line 1: unknown unit \"MB\"");
  }
}
