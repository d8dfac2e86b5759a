package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

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

  /**
   * The attribute {@code file}, to read every cycle through a descriptor kept open ({@link
   * KernelFile}), with the size cap of an attribute.
   */
  public static KernelFile file(Path file) {
    return new KernelFile(file, MAX_BYTES);
  }

  /** {@link #read(Path)} of a file from {@link #file(Path)}. */
  public static Optional<String> read(KernelFile file) {
    try {
      return Optional.of(KernelFiles.utf8(file.read()).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A decimal or 0x-hex number, empty when absent or not a number. */
  public static Optional<Long> number(Path file) {
    OptionalLong v = longValue(file);
    return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
  }

  /**
   * {@link #number(Path)} without a boxed value, and without a String for the text when it is ASCII
   * (as numbers are): for collectors that read many attributes every cycle.
   */
  public static OptionalLong longValue(Path file) {
    try {
      return longValue(KernelFiles.read(file, MAX_BYTES));
    } catch (IOException e) {
      return OptionalLong.empty(); // absent, refused, not an attribute: as read() does
    }
  }

  /** {@link #longValue(Path)} of a file from {@link #file(Path)}. */
  public static OptionalLong longValue(KernelFile file) {
    try {
      return longValue(file.read());
    } catch (IOException e) {
      return OptionalLong.empty(); // absent, refused, not an attribute: as read() does
    }
  }

  private static OptionalLong longValue(String read) {
    String s = KernelFiles.utf8(read);
    int a = 0;
    int b = s.length();
    while (a < b && Cursor.isWhitespace(s.charAt(a))) {
      a++;
    }
    while (b > a && Cursor.isWhitespace(s.charAt(b - 1))) {
      b--;
    }
    try {
      return OptionalLong.of(
          s.startsWith("0x", a) && b - a >= 2
              ? Long.parseLong(s, a + 2, b, 16)
              : Long.parseLong(s, a, b, 10));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
