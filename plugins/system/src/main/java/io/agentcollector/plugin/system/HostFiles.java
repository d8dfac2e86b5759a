package io.agentcollector.plugin.system;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads whole procfs/sysfs files, telling "not on this host" apart from real failures. */
final class HostFiles {

  private HostFiles() {}

  /**
   * The file's text, or empty when it is absent: missing (ENOENT), unreadable (EACCES), refused by
   * the driver (EINVAL) or disabled in the kernel (EOPNOTSUPP, e.g. PSI with {@code psi=0}).
   */
  static Optional<String> read(Path file) throws IOException {
    // KernelFiles: numeric sysctls answer only a read at offset 0, and a FIFO or a huge file
    // is refused instead of blocking or filling the heap. os-release may hold UTF-8.
    try {
      String latin1 = KernelFiles.read(file);
      return Optional.of(new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    } catch (NoSuchFileException | AccessDeniedException e) {
      return Optional.empty();
    } catch (FileSystemException e) {
      if (isAbsent(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean isAbsent(FileSystemException e) {
    String reason = String.valueOf(e.getReason());
    return reason.contains("Invalid argument")
        || reason.contains("not supported")
        || reason.contains("No such device");
  }
}
