package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One sysfs attribute, such as {@code /sys/class/net/<iface>/mtu}
 * (https://docs.kernel.org/filesystems/sysfs.html): its trimmed text, or empty when the kernel will
 * not give it. Reading {@code speed} of an interface that is down fails with EINVAL, {@code
 * lo/speed} always does: such an attribute is absent for that device, not an error.
 */
public final class SysfsAttributes {

  /** An attribute is one value; anything longer is not one. */
  private static final int MAX_BYTES = 64 * 1024;

  private SysfsAttributes() {}

  /** The attribute's text (UTF-8: {@code ifalias} is set by users), blanks trimmed. */
  public static Optional<String> read(Path file) {
    // One large read: some kernel files answer only a read that starts at offset 0.
    try {
      return Optional.of(KernelFiles.utf8(KernelFiles.read(file, MAX_BYTES)).strip());
    } catch (FileSystemException e) {
      // ENOENT, EACCES, EINVAL, EOPNOTSUPP: not available here; a FIFO or oversize: not an
      // attribute
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A decimal or 0x-hex number, empty when absent or not a number. */
  public static Optional<Long> number(Path file) {
    return read(file)
        .flatMap(
            s -> {
              try {
                return Optional.of(
                    s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
