package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void perCpuTicksAndCountersFromAModernKernel() {
    ProcStat s = ProcStat.parse("""
        cpu  200 10 300 4000 50 6 7 8 9 1
        cpu0 100 5 150 2000 25 3 4 4 5 1
        cpu1 100 5 150 2000 25 3 3 4 4 0
        intr 12345 1 2 3
        ctxt 6789
        btime 1795490364
        processes 4321
        procs_running 2
        procs_blocked 1
        softirq 99 1 2 3 4 5 6 7 8 9 10
        some_future_line 1 2 3
        """);
    assertThat(s.cpus()).hasSize(2);
    assertThat(s.cpus().get(0).ticks()).containsExactly(100, 5, 150, 2000, 25, 3, 4, 4, 5, 1);
    assertThat(s.interrupts()).hasValue(12345);
    assertThat(s.contextSwitches()).hasValue(6789);
    assertThat(s.bootTime()).hasValue(1795490364);
    assertThat(s.forks()).hasValue(4321);
    assertThat(s.procsRunning()).hasValue(2);
    assertThat(s.procsBlocked()).hasValue(1);
  }

  @Test
  void olderKernelsWriteFewerColumnsAndOfflineCpusAreZero() {
    ProcStat s = ProcStat.parse("cpu0 1 2 3 4\ncpu2 5 6 7 8 9 10 11\n");
    assertThat(s.cpus()).hasSize(3);
    assertThat(s.cpus().get(0).ticks()).containsExactly(1, 2, 3, 4, 0, 0, 0, 0, 0, 0);
    assertThat(s.cpus().get(1).ticks()).as("offline cpu1").containsOnly(0);
    assertThat(s.interrupts()).isEmpty();
  }

  @Test
  void garbageNamesTheLine() {
    assertThatThrownBy(() -> ProcStat.parse("cpu0 1 2 x 4\n"))
        .hasMessage("/proc/stat line 1: not a number in \"cpu0 1 2 x 4\"");
    assertThatThrownBy(() -> ProcLoadavg.parse("0.1 0.2\n"))
        .hasMessage("/proc/loadavg: expected 3 load averages, got \"0.1 0.2\"");
  }
}
