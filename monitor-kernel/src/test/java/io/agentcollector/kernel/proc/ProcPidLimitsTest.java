package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcPidLimitsTest {

  // A capture of /proc/self/limits on Debian 12 (kernel 6.x), stack and address space edited.
  private static final String REAL =
      "Limit                     Soft Limit           Hard Limit           Units     \n"
          + "Max cpu time              unlimited            unlimited            seconds   \n"
          + "Max file size             unlimited            unlimited            bytes     \n"
          + "Max stack size            8388608              unlimited            bytes     \n"
          + "Max processes             95113                95113                processes \n"
          + "Max open files            20000                20000                files     \n"
          + "Max address space         4294967296           unlimited            bytes     \n"
          + "Max nice priority         0                    0                    \n"
          + "Max realtime timeout      unlimited            unlimited            us        \n";

  @Test
  void readsLimitsByName() {
    ProcPidLimits l = ProcPidLimits.parse(REAL);
    assertThat(l.soft("Max address space")).hasValue(4294967296L);
    assertThat(l.get("Max address space").orElseThrow().hard()).isEqualTo(ProcPidLimits.UNLIMITED);
    assertThat(l.soft("Max open files")).hasValue(20000);
    assertThat(l.soft("Max cpu time")).isEmpty();
    assertThat(l.soft("Max nice priority")).hasValue(0);
    assertThat(l.soft("Max new limit")).isEmpty();
  }

  @Test
  void refusesGarbageNamingTheLine() {
    assertThatThrownBy(() -> ProcPidLimits.parse("Limit x\nMax open files  20x00  1  files\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/proc/<pid>/limits line 2")
        .hasMessageContaining("20x00");
    assertThatThrownBy(() -> ProcPidLimits.parse("Limit x\nMax open files\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }
}
