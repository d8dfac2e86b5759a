package io.agentcollector.plugin.system;

import io.agentcollector.api.HostPaths;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code /proc/sys/kernel/random/entropy_avail} and {@code poolsize}, in bits
 * (https://docs.kernel.org/admin-guide/sysctl/kernel.html#random). Each file is one number.
 */
record ProcSysKernelRandom(OptionalDouble entropyAvailable, OptionalDouble poolSize) {

  static ProcSysKernelRandom read(HostPaths paths) throws IOException {
    return new ProcSysKernelRandom(value(paths, "entropy_avail"), value(paths, "poolsize"));
  }

  private static OptionalDouble value(HostPaths paths, String name) throws IOException {
    Optional<String> content = HostFiles.read(paths.proc("sys", "kernel", "random", name));
    return content.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(SysctlNumber.parse("/proc/sys/kernel/random/" + name, content.get()));
  }
}
