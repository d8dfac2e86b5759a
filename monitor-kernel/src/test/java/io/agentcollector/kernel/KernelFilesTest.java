package io.agentcollector.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
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
    assertThat(KernelFiles.read(small))
        .as("nothing left over from the large one")
        .isEqualTo("1234\n");
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

  @Test
  void aFifoIsRefusedAtOnceNotWaitedFor(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("diskstats");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
    // Without the check, open(2) of a FIFO without a writer never returns.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> KernelFiles.read(fifo))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(fifo + ": not a regular file (a FIFO, socket or device), not read"));
  }

  @Test
  void aDirectoryOrDeviceIsRefused(@TempDir Path tmp) {
    assertThatThrownBy(() -> KernelFiles.read(tmp))
        .hasMessage(tmp + ": not a regular file (a directory), not read");
    // /dev/zero never ends: without the check only the cap would stop it.
    assertThatThrownBy(() -> KernelFiles.read(Path.of("/dev/zero")))
        .hasMessage("/dev/zero: not a regular file (a FIFO, socket or device), not read");
  }

  @Test
  void aFileOverTheCapIsAnErrorNamingPathAndCapAndTheBufferIsNotKept(@TempDir Path tmp)
      throws Exception {
    byte[] line =
        "   8       0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] big = new byte[3 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = line[i % line.length];
    }
    Path file = Files.write(tmp.resolve("diskstats"), big);
    assertThatThrownBy(() -> KernelFiles.read(file, 2 << 20))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(file + ": larger than the 2 MiB limit of kernel file reads, not read");
    assertThat(KernelFiles.trustIfKernelFilesystem(Path.of("/proc"))).isTrue();
    // A kernel file reports no size: the cap then applies while reading.
    assertThatThrownBy(() -> KernelFiles.read(Path.of("/proc/self/maps"), 16))
        .hasMessage(
            "/proc/self/maps: larger than the 16 bytes limit of kernel file reads, not read");
    assertThatThrownBy(() -> KernelFiles.read(Path.of("/proc/kallsyms"), 64 << 10))
        .hasMessage("/proc/kallsyms: larger than the 64 KiB limit of kernel file reads, not read");
    assertThat(KernelFiles.read(file, 3 << 20)).as("exactly at the cap").hasSize(3 << 20);
    assertThat(KernelFiles.read(file)).hasSize(3 << 20);
    Path small = Files.writeString(tmp.resolve("small"), "x".repeat(5000));
    assertThatThrownBy(() -> KernelFiles.read(small, 4096))
        .hasMessage(small + ": larger than the 4 KiB limit of kernel file reads, not read");
    KernelFiles.read(small);
    var kept = KernelFiles.class.getDeclaredField("BUFFER");
    kept.setAccessible(true);
    @SuppressWarnings("unchecked")
    var buffer = ((ThreadLocal<java.nio.ByteBuffer>) kept.get(null)).get();
    assertThat(buffer.capacity())
        .as("a buffer grown for a huge file is dropped")
        .isLessThanOrEqualTo(KernelFiles.KEEP_AT_MOST);
  }

  @Test
  void onlyKernelFilesystemsAreTrustedToHoldNoFifos(@TempDir Path tmp) throws Exception {
    assertThat(KernelFiles.trustIfKernelFilesystem(tmp)).as("a fixture tree").isFalse();
    assertThat(KernelFiles.trustIfKernelFilesystem(tmp.resolve("absent"))).isFalse();
    assertThat(KernelFiles.trustIfKernelFilesystem(Path.of("/proc"))).isTrue();
    assertThat(KernelFiles.read(Path.of("/proc/self/../loadavg"))).as("still read").isNotEmpty();
    Path fifo = tmp.resolve("stat");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> KernelFiles.read(fifo)).hasMessageContaining("not a regular file");
  }

  @Test
  void readIfPresentTellsAbsentFromBroken(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("present");
    Files.writeString(f, "1\n");
    assertThat(KernelFiles.readIfPresent(f)).contains("1\n");
    assertThat(KernelFiles.readIfPresent(dir.resolve("missing"))).isEmpty();
    // A directory is no absent file: the caller must hear of it.
    assertThatThrownBy(() -> KernelFiles.readIfPresent(dir))
        .isInstanceOf(FileSystemException.class);
  }
}
