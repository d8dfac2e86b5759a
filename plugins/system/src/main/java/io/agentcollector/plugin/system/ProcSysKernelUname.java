package io.agentcollector.plugin.system;

import io.agentcollector.api.HostPaths;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fields of uname(2), read from the files the kernel exposes them in under {@code
 * /proc/sys/kernel/} (https://docs.kernel.org/admin-guide/sysctl/kernel.html): {@code ostype},
 * {@code osrelease}, {@code version}, {@code hostname}, {@code domainname} and {@code arch} (kernel
 * 6.1+). They hold the same strings as {@code struct utsname} of the reader's UTS namespace,
 * including {@code domainname} = {@code (none)} when no NIS domain is set.
 */
record ProcSysKernelUname(
    String sysname,
    String release,
    String version,
    String machine,
    String nodename,
    String domainname) {

  /**
   * Reads the files; empty if one of the five always-present ones is missing (not Linux).
   *
   * @param machineFallback uname(2)'s machine for kernels without {@code arch}
   */
  static Optional<ProcSysKernelUname> read(
      HostPaths paths, Supplier<Optional<String>> machineFallback) throws IOException {
    Optional<String> sysname = value(paths, "ostype");
    Optional<String> release = value(paths, "osrelease");
    Optional<String> version = value(paths, "version");
    Optional<String> nodename = value(paths, "hostname");
    Optional<String> domainname = value(paths, "domainname");
    if (sysname.isEmpty()
        || release.isEmpty()
        || version.isEmpty()
        || nodename.isEmpty()
        || domainname.isEmpty()) {
      return Optional.empty();
    }
    String machine =
        value(paths, "arch")
            .or(machineFallback)
            .orElseGet(() -> fromJavaArch(System.getProperty("os.arch", "")));
    return Optional.of(
        new ProcSysKernelUname(
            sysname.get(),
            release.get(),
            version.get(),
            machine,
            nodename.get(),
            domainname.get()));
  }

  /** The kernel's name for a JVM's {@code os.arch}, last resort without arch file and JNA. */
  static String fromJavaArch(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      case "arm64", "aarch64" -> "aarch64";
      default -> osArch;
    };
  }

  private static Optional<String> value(HostPaths paths, String file) throws IOException {
    // The kernel ends each value with one newline; anything else is part of the value.
    return HostFiles.read(paths.proc("sys", "kernel", file))
        .map(s -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
  }
}
