package io.agentcollector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelFilesTest {

  @Test
  void readsSmallAndLargeFilesWithTheReusedBuffer(@TempDir Path tmp) throws Exception {
    Path small = Files.writeString(tmp.resolve("memory.usage_in_bytes"), "1234\n");
    // cgroup.procs of a container with thousands of processes outgrows the 16 KiB buffer.
    StringBuilder pids = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      pids.append(100_000 + i).append('\n');
    }
    Path large = Files.writeString(tmp.resolve("cgroup.procs"), pids);
    Path empty = Files.writeString(tmp.resolve("cgroup.procs.empty"), "");
    assertThat(KernelFiles.read(small)).isEqualTo("1234\n");
    assertThat(KernelFiles.read(large)).isEqualTo(pids.toString());
    assertThat(KernelFiles.read(small)).as("nothing left over from the large one").isEqualTo("1234\n");
    assertThat(KernelFiles.read(empty)).isEmpty();
  }

  @Test
  void readsRealKernelFilesWhole() throws Exception {
    // Small (one short read) and large seq_files (many reads of about a page each): the same
    // bytes as reading until end-of-file. Both are constant while the test runs.
    for (String file : new String[] {"/proc/filesystems", "/proc/kallsyms"}) {
      Path p = Path.of(file);
      String expected = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      assertThat(expected).as(file).isNotEmpty();
      assertThat(KernelFiles.read(p)).as(file).isEqualTo(expected);
    }
  }

  @Test
  void aMissingFileIsNoSuchFile(@TempDir Path tmp) {
    assertThatThrownBy(() -> KernelFiles.read(tmp.resolve("memory.kmem.usage_in_bytes")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
