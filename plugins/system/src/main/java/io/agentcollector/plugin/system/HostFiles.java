package io.agentcollector.plugin.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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
    // Not Files.readString: for a file of size 0 it reads one byte, then continues at offset 1,
    // and numeric sysctls (/proc/sys/fs/file-nr, .../random/poolsize) return EOF for any read
    // not starting at offset 0, so it would yield "1" for "1183 0 2466160". readAllBytes reads
    // 8 KiB chunks, so the first read gets the whole file.
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
