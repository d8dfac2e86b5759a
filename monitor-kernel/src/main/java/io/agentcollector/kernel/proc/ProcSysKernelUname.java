package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
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
public record ProcSysKernelUname(
    String sysname,
    String release,
    String version,
    String machine,
    String nodename,
    String domainname) {

  /**
   * Reads the files under {@code proc}, the procfs root; empty if one of the five always-present
   * ones is missing (not Linux).
   *
   * @param machineFallback uname(2)'s machine for kernels without {@code arch}
   */
  public static Optional<ProcSysKernelUname> read(
      Path proc, Supplier<Optional<String>> machineFallback) throws IOException {
    KernelFile[] files = files(proc);
    try {
      return read(files, machineFallback);
    } finally {
      for (KernelFile f : files) {
        f.close();
      }
    }
  }

  /**
   * The files under {@code proc}, to read every cycle with {@link #read(KernelFile[], Supplier)}.
   */
  public static KernelFile[] files(Path proc) {
    Path dir = proc.resolve("sys/kernel");
    KernelFile[] out = new KernelFile[FILES.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new KernelFile(dir.resolve(FILES[i]));
    }
    return out;
  }

  /** ostype, osrelease, version, hostname, domainname, arch: the order of {@link #files}. */
  private static final String[] FILES = {
    "ostype", "osrelease", "version", "hostname", "domainname", "arch"
  };

  /**
   * Reads the files of {@link #files(Path)}; empty if one of the five always-present ones is
   * missing (not Linux).
   *
   * @param machineFallback uname(2)'s machine for kernels without {@code arch}
   */
  public static Optional<ProcSysKernelUname> read(
      KernelFile[] files, Supplier<Optional<String>> machineFallback) throws IOException {
    Optional<String> sysname = value(files[0]);
    Optional<String> release = value(files[1]);
    Optional<String> version = value(files[2]);
    Optional<String> nodename = value(files[3]);
    Optional<String> domainname = value(files[4]);
    if (sysname.isEmpty()
        || release.isEmpty()
        || version.isEmpty()
        || nodename.isEmpty()
        || domainname.isEmpty()) {
      return Optional.empty();
    }
    String machine =
        value(files[5])
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
  public static String fromJavaArch(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      case "arm64", "aarch64" -> "aarch64";
      default -> osArch;
    };
  }

  private static Optional<String> value(KernelFile file) throws IOException {
    // The kernel ends each value with one newline; anything else is part of the value. UTF-8:
    // the host and domain names are set by users.
    return file.readIfPresent()
        .map(KernelFiles::utf8)
        .map(s -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
  }
}
