package io.agentcollector.plugin.cgroupv1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupFilesTest {

  @Test
  void readsSmallAndLargeFilesWithTheReusedBuffer(@TempDir Path tmp) throws Exception {
    Path small = Files.writeString(tmp.resolve("memory.usage_in_bytes"), "1234\n");
    // cgroup.procs of a container with thousands of processes outgrows the 16 KiB buffer.
    StringBuilder pids = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      pids.append(100_000 + i).append('\n');
    }
    Path large = Files.writeString(tmp.resolve("cgroup.procs"), pids);
    assertThat(CgroupFiles.read(small)).isEqualTo("1234\n");
    assertThat(CgroupFiles.read(large)).isEqualTo(pids.toString());
    assertThat(CgroupFiles.read(small)).as("nothing left over from the large one").isEqualTo("1234\n");
  }

  @Test
  void aMissingFileIsNoSuchFile(@TempDir Path tmp) {
    assertThatThrownBy(() -> CgroupFiles.read(tmp.resolve("memory.kmem.usage_in_bytes")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
