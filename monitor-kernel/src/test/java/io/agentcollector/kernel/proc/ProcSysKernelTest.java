package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcSysKernelRandom and ProcSysKernelUname: files of {@code /proc/sys/kernel}. */
class ProcSysKernelTest {

  @TempDir Path proc;

  private void write(String relative, byte[] content) throws Exception {
    Path p = proc.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  @Test
  void randomFromTheFixtureTree() throws Exception {
    ProcSysKernelRandom r = ProcSysKernelRandom.read(Fixtures.hostPaths().proc());
    assertThat(r.entropyAvailable()).hasValue(256);
    assertThat(r.poolSize()).hasValue(256);
  }

  @Test
  void randomFileMissingIsEmptyGarbageNamesTheFile() throws Exception {
    write("sys/kernel/random/entropy_avail", "3\n".getBytes(StandardCharsets.US_ASCII));
    ProcSysKernelRandom r = ProcSysKernelRandom.read(proc);
    assertThat(r.entropyAvailable()).hasValue(3);
    assertThat(r.poolSize()).isEqualTo(OptionalDouble.empty());
    write("sys/kernel/random/poolsize", "x\n".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> ProcSysKernelRandom.read(proc))
        .hasMessage("/proc/sys/kernel/random/poolsize: not a number: \"x\"");
  }

  @Test
  void unameFromTheFixtureTree() throws Exception {
    assertThat(ProcSysKernelUname.read(Fixtures.hostPaths().proc(), Optional::empty))
        .contains(
            new ProcSysKernelUname(
                "Linux", "6.18.44-fc-v782", "#1 SMP PREEMPT_DYNAMIC @0", "x86_64", "vm", "(none)"));
  }

  @Test
  void unameKeepsAllButTheFinalNewlineAndReadsUtf8() throws Exception {
    for (String f : new String[] {"ostype", "osrelease", "version", "domainname"}) {
      write("sys/kernel/" + f, (f + " \n").getBytes(StandardCharsets.US_ASCII));
    }
    write("sys/kernel/hostname", "h\u00f4te\n".getBytes(StandardCharsets.UTF_8));
    ProcSysKernelUname u = ProcSysKernelUname.read(proc, () -> Optional.of("riscv64")).get();
    assertThat(u.nodename()).isEqualTo("h\u00f4te");
    assertThat(u.sysname()).isEqualTo("ostype ");
    assertThat(u.machine()).as("no arch file").isEqualTo("riscv64");
  }

  @Test
  void unameWithoutOneOfTheFiveIsNotLinux() throws Exception {
    write("sys/kernel/ostype", "Linux\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(ProcSysKernelUname.read(proc, () -> Optional.of("x"))).isEmpty();
    assertThat(ProcSysKernelUname.fromJavaArch("amd64")).isEqualTo("x86_64");
    assertThat(ProcSysKernelUname.fromJavaArch("aarch64")).isEqualTo("aarch64");
  }
}
