package io.agentcollector.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KernelFile on the real /proc (registered as a kernel filesystem) and on a plain directory. */
class KernelFileTest {

  @Test
  void aKeptDescriptorReadsTheTextAfresh() throws Exception {
    assertThat(KernelFiles.trustIfKernelFilesystem(Path.of("/proc"))).isTrue();
    try (KernelFile uptime = new KernelFile(Path.of("/proc/uptime"))) {
      String first = uptime.read();
      String second = first;
      for (int i = 0; i < 100 && second.equals(first); i++) {
        Thread.sleep(20);
        second = uptime.read();
      }
      assertThat(second).as("the kernel's clock moved on").isNotEqualTo(first).endsWith("\n");
    }
  }

  @Test
  void aLongFileReadsWholeAgainAndAgain() throws Exception {
    assertThat(KernelFiles.trustIfKernelFilesystem(Path.of("/proc"))).isTrue();
    // Longer than one first read: the rest is read at offsets after it.
    Path file = Path.of("/proc/self/mountinfo");
    try (KernelFile kept = new KernelFile(file)) {
      for (int i = 0; i < 3; i++) {
        assertThat(kept.read()).isEqualTo(KernelFiles.read(file));
      }
    }
  }

  @Test
  void aFileThatGoesAwayReadsAsMissing() throws Exception {
    assertThat(KernelFiles.trustIfKernelFilesystem(Path.of("/proc"))).isTrue();
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try (KernelFile stat = new KernelFile(Path.of("/proc/" + sleep.pid() + "/stat"))) {
      assertThat(stat.read()).startsWith(sleep.pid() + " (sleep)");
      sleep.destroy();
      assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(stat::read).isInstanceOf(NoSuchFileException.class);
      assertThat(stat.readIfPresent()).isEmpty();
    } finally {
      sleep.destroyForcibly();
    }
  }

  @Test
  void aPlainFileIsReadAfreshByPath(@TempDir Path dir) throws Exception {
    // Not a kernel filesystem: a file replaced by a rename must read as the new one.
    Path file = dir.resolve("data");
    Files.writeString(file, "one\n");
    try (KernelFile f = new KernelFile(file)) {
      assertThat(f.read()).isEqualTo("one\n");
      Path next = dir.resolve("next");
      Files.writeString(next, "two\n");
      Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      assertThat(f.read()).isEqualTo("two\n");
      Files.delete(file);
      assertThat(f.readIfPresent()).isEmpty();
      Files.writeString(file, "three\n");
      assertThat(f.read()).isEqualTo("three\n");
    }
  }

  @Test
  void aMissingKernelFileIsAbsentUntilItAppears() throws Exception {
    assertThat(KernelFiles.trustIfKernelFilesystem(Path.of("/proc"))).isTrue();
    try (KernelFile none = new KernelFile(Path.of("/proc/no-such-file"))) {
      assertThat(none.readIfPresent()).isEmpty();
      assertThat(none.readIfPresent()).isEmpty();
    }
  }
}
