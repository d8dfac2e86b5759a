package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProcSysFsFileNrTest {

  @Test
  void realCapture() throws Exception {
    ProcSysFsFileNr nr =
        ProcSysFsFileNr.parse(Files.readString(Fixtures.path("proc/sys/fs/file-nr")));
    assertThat(nr.allocated()).isEqualTo(1019);
    assertThat(nr.maximum()).isEqualTo(2466160);
  }

  @Test
  void fileNr() {
    ProcSysFsFileNr nr = ProcSysFsFileNr.parse("1183\t0\t2466160\n");
    assertThat(nr.allocated()).isEqualTo(1183);
    assertThat(nr.maximum()).isEqualTo(2466160);
    assertThatThrownBy(() -> ProcSysFsFileNr.parse("1183\t0\n"))
        .hasMessage("/proc/sys/fs/file-nr: expected 3 numbers, got \"1183\t0\"");
  }

  @Test
  void sysctlNumber() {
    assertThat(SysctlNumber.parse("/proc/sys/kernel/random/poolsize", "256\n")).isEqualTo(256);
    assertThatThrownBy(() -> SysctlNumber.parse("/proc/sys/kernel/random/poolsize", "lots\n"))
        .hasMessage("/proc/sys/kernel/random/poolsize: not a number: \"lots\"");
  }
}
