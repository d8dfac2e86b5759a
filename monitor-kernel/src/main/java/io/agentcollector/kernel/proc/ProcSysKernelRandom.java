package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.KernelFiles;
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
    return new ProcSysKernelRandom(value(proc, "entropy_avail"), value(proc, "poolsize"));
  }

  private static OptionalDouble value(Path proc, String name) throws IOException {
    Optional<String> content =
        KernelFiles.readIfPresent(proc.resolve("sys/kernel/random").resolve(name));
    return content.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(SysctlNumber.parse("/proc/sys/kernel/random/" + name, content.get()));
  }
}
