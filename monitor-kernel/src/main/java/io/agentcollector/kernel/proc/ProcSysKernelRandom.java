package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.KernelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code /proc/sys/kernel/random/entropy_avail} and {@code poolsize}, in bits
 * (https://docs.kernel.org/admin-guide/sysctl/kernel.html#random). Each file is one number.
 */
public record ProcSysKernelRandom(OptionalDouble entropyAvailable, OptionalDouble poolSize) {

  /** Reads both files under {@code proc}, the procfs root; a missing file is empty. */
  public static ProcSysKernelRandom read(Path proc) throws IOException {
    KernelFile[] files = files(proc);
    try {
      return read(files[0], files[1]);
    } finally {
      files[0].close();
      files[1].close();
    }
  }

  /**
   * entropy_avail and poolsize under {@code proc}, to read every cycle with {@link
   * #read(KernelFile, KernelFile)}.
   */
  public static KernelFile[] files(Path proc) {
    Path dir = proc.resolve("sys/kernel/random");
    return new KernelFile[] {
      new KernelFile(dir.resolve("entropy_avail")), new KernelFile(dir.resolve("poolsize"))
    };
  }

  /** Reads the two files of {@link #files(Path)}; a missing file is empty. */
  public static ProcSysKernelRandom read(KernelFile entropyAvail, KernelFile poolSize)
      throws IOException {
    return new ProcSysKernelRandom(
        value(entropyAvail, "/proc/sys/kernel/random/entropy_avail"),
        value(poolSize, "/proc/sys/kernel/random/poolsize"));
  }

  private static OptionalDouble value(KernelFile file, String name) throws IOException {
    Optional<String> content = file.readIfPresent();
    return content.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(SysctlNumber.parse(name, content.get()));
  }
}
