package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcFilesystemsTest {

  @Test
  void namesWithAndWithoutNodev() {
    ProcFilesystems f =
        ProcFilesystems.parse("nodev\tsysfs\nnodev\tproc\n\text3\n\text4\nnodev\tselinuxfs\n");
    assertThat(f.names()).containsExactlyInAnyOrder("sysfs", "proc", "ext3", "ext4", "selinuxfs");
    assertThat(ProcFilesystems.parse("").names()).isEmpty();
  }

  @Test
  void garbageNamesTheLine() {
    assertThatThrownBy(() -> ProcFilesystems.parse("nodev\tproc\nfoo\tbar\n"))
        .hasMessage("/proc/filesystems line 2: expected \"[nodev] type\", got \"foo\tbar\"");
    assertThatThrownBy(() -> ProcFilesystems.parse("nodev\n"))
        .hasMessage("/proc/filesystems line 1: expected \"[nodev] type\", got \"nodev\"");
  }
}
