package io.agentcollector.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads small procfs, sysfs and cgroupfs files whole, into a buffer reused per thread: one {@code
 * stat}, one {@code open}, usually one {@code read}, one {@code close}. Container collectors read a
 * dozen such files per container per cycle, and {@link Files#readString} costs more: it stats the
 * file to size an array, and for the size 0 that kernel files report it reads one byte, then the
 * rest (numeric {@code /proc/sys} files then read as their first digit). Missing files throw {@link
 * java.nio.file.NoSuchFileException}, as {@code Files} does. Kernel files are ASCII; bytes are
 * mapped one to one (ISO-8859-1).
 *
 * <p>Two refusals keep a collector from hanging or exhausting the heap, each a {@link
 * FileSystemException} naming the path: a path that is not a regular file (a FIFO's {@code open}
 * would wait for a writer for ever; a device may never end), and a file larger than the cap. The
 * first costs a {@code stat} per file, except under a root {@linkplain #trustIfKernelFilesystem
 * registered} as procfs, sysfs or cgroupfs: those cannot hold FIFOs or devices, and the container
 * collectors' dozen files per container are read from there.
 */
public final class KernelFiles {

  /** Default cap of {@link #read(Path)}: far above any real kernel file, far below the heap. */
  public static final int DEFAULT_MAX_BYTES = 16 << 20;

  /**
   * A first read shorter than this is the whole file, and the read that would return end-of-file is
   * skipped. A seq_file (what nearly every such file is) answers a read with as many whole records
   * as fit in its buffer, one page (4 KiB or more) to begin with and grown until the first record
   * fits: so a read stops short of the end only when the next record would not have fit in that
   * page, which cannot happen below half a page unless a record exceeds 2 KiB (none of the files
   * read this way has such records). Regular files (fixture trees) read whole anyway.
   */
  static final int WHOLE_BELOW = 2048;

  /** A buffer grown past this is used for the one read and not kept for the thread. */
  static final int KEEP_AT_MOST = 1 << 20;

  private static final int INITIAL = 16 * 1024;

  /** Filesystem types in which mknod fails: every file is the kernel's, and regular. */
  private static final Set<String> KERNEL_TYPES = Set.of("proc", "sysfs", "cgroup", "cgroup2");

  private static volatile List<Path> trusted = List.of();

  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL));

  private KernelFiles() {}

  /** The file's content, at most {@link #DEFAULT_MAX_BYTES}. */
  public static String read(Path file) throws IOException {
    return read(file, DEFAULT_MAX_BYTES);
  }

  /** The file's content; a file longer than {@code maxBytes} is an error naming path and cap. */
  public static String read(Path file, int maxBytes) throws IOException {
    ByteBuffer b = BUFFER.get();
    b.clear();
    try (SeekableByteChannel c = open(file, maxBytes)) {
      int n = c.read(b);
      if (n >= WHOLE_BELOW) {
        while (c.read(b) >= 0) {
          if (!b.hasRemaining()) {
            // A long cgroup.procs, say: grow up to the cap; keep a moderately larger buffer.
            b = grow(b, file, maxBytes);
          }
        }
      }
      if (b.position() > maxBytes) {
        throw tooLarge(file, maxBytes);
      }
    }
    return new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
  }

  /**
   * The whole content of an open file, read from offset 0 with positional reads (pread), at most
   * {@code maxBytes}: a kernel file gives its text afresh on every read from offset 0.
   */
  static String readFrom(FileChannel c, Path file, int maxBytes) throws IOException {
    ByteBuffer b = BUFFER.get();
    b.clear();
    int n = c.read(b, 0);
    if (n >= WHOLE_BELOW) {
      while (c.read(b, b.position()) >= 0) {
        if (!b.hasRemaining()) {
          b = grow(b, file, maxBytes);
        }
      }
    }
    if (b.position() > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    return new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
  }

  /**
   * The file's content, or empty when the host does not have it: missing (ENOENT), unreadable
   * (EACCES), refused by the driver (EINVAL, ENODEV) or disabled in the kernel (EOPNOTSUPP, e.g.
   * PSI with {@code psi=0}). "Not on this host" is no error for a collector; any other failure (a
   * FIFO, a file over the cap, an I/O error) still throws.
   */
  public static Optional<String> readIfPresent(Path file) throws IOException {
    try {
      return Optional.of(read(file));
    } catch (FileSystemException e) {
      return absent(e);
    }
  }

  /** Empty for the failures {@link #readIfPresent} counts as "not on this host"; else throws. */
  static Optional<String> absent(FileSystemException e) throws FileSystemException {
    if (e instanceof NoSuchFileException || e instanceof AccessDeniedException || isAbsent(e)) {
      return Optional.empty();
    }
    throw e;
  }

  /**
   * Text returned by {@link #read} decoded as UTF-8 instead, for the files that hold text a user or
   * a driver chose (os-release, udev properties, host names, sysfs names and labels): {@code read}
   * maps bytes one to one, which would show a non-ASCII character as two or three.
   */
  public static String utf8(String read) {
    for (int i = 0; i < read.length(); i++) {
      if (read.charAt(i) >= 0x80) {
        return new String(read.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      }
    }
    return read; // ASCII reads the same either way: nearly every such file
  }

  private static boolean isAbsent(FileSystemException e) {
    String reason = String.valueOf(e.getReason());
    return reason.contains("Invalid argument")
        || reason.contains("not supported")
        || reason.contains("No such device");
  }

  /**
   * Opens a kernel file for reading, refusing what is not a regular file. The check is one {@code
   * stat} before the {@code open}: NIO cannot open with {@code O_NONBLOCK}, and an {@code open} of
   * a FIFO without a writer blocks before any check after it could run. Skipped under a trusted
   * kernel filesystem root.
   */
  public static SeekableByteChannel open(Path file) throws IOException {
    return open(file, Integer.MAX_VALUE);
  }

  private static SeekableByteChannel open(Path file, int maxBytes) throws IOException {
    if (!trusted(file)) {
      // Kernel files report a size of 0 or 4096; a regular file's size is known before reading.
      if (requireRegular(file) > maxBytes) {
        throw tooLarge(file, maxBytes);
      }
    }
    return Files.newByteChannel(file);
  }

  /**
   * Reads files under {@code root} without the regular-file check from now on, if {@code root} is a
   * procfs, sysfs or cgroupfs mount (a fixture tree or a copy is not: its files stay checked).
   *
   * @return whether it was
   */
  public static synchronized boolean trustIfKernelFilesystem(Path root) {
    Path r = root.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(r) || !KERNEL_TYPES.contains(Files.getFileStore(r).type())) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    List<Path> more = new ArrayList<>(trusted);
    more.add(r);
    trusted = List.copyOf(more);
    return true;
  }

  /** Whether {@code file} is under a root registered as a kernel filesystem. */
  static boolean trusted(Path file) {
    for (Path root : trusted) {
      if (file.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the file's size
   */
  private static long requireRegular(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (!a.isRegularFile()) {
      throw new FileSystemException(
          file.toString(), null, "not a regular file (" + kind(a) + "), not read");
    }
    return a.size();
  }

  private static String kind(BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    // FIFOs, sockets and devices are all "other" to BasicFileAttributes.
    return "a FIFO, socket or device";
  }

  private static ByteBuffer grow(ByteBuffer b, Path file, int maxBytes) throws IOException {
    if (b.capacity() > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    // One byte over the cap tells a file of exactly maxBytes from a longer one.
    long wanted = Math.min((long) b.capacity() * 2, (long) maxBytes + 1);
    ByteBuffer bigger = ByteBuffer.allocate((int) wanted);
    b.flip();
    bigger.put(b);
    if (bigger.capacity() <= KEEP_AT_MOST) {
      BUFFER.set(bigger);
    }
    return bigger;
  }

  private static FileSystemException tooLarge(Path file, int maxBytes) {
    return new FileSystemException(
        file.toString(),
        null,
        "larger than the " + size(maxBytes) + " limit of kernel file reads, not read");
  }

  private static String size(int bytes) {
    return bytes % (1 << 20) == 0
        ? (bytes >> 20) + " MiB"
        : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
