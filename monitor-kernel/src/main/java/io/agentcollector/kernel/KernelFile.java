package io.agentcollector.kernel;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A kernel file a collector reads every cycle, through a descriptor kept open between reads: a read
 * from offset 0 makes the kernel write the text afresh (a seq_file starts over, sysfs calls the
 * attribute's show() again, a sysctl its handler), so a cycle pays one pread instead of the path
 * walk, open, read and close. On this host a sysfs attribute costs 2 µs instead of 12,
 * /proc/loadavg 2 instead of 8.
 *
 * <p>Kept open only under a root {@linkplain KernelFiles#trustIfKernelFilesystem registered} as
 * procfs, sysfs or cgroupfs, and only while reads succeed: any other file (a fixture tree, udev's
 * tmpfs, where a file replaced by a rename would keep its old text under an open descriptor), a
 * file that failed its last read (an attribute the driver refuses: EINVAL every time) and the files
 * beyond {@link #MAX_KEPT} in the process are opened and closed per read, exactly as {@link
 * KernelFiles#read} does. A failing pread (the device removed: ENODEV) closes the descriptor and
 * reads the path afresh, so results and exceptions are those of {@link KernelFiles#read}.
 *
 * <p>One per collector, not for concurrent use; {@link #close} it when the collector stops. A
 * descriptor follows the file it opened: where a name can come to mean another file (a network
 * interface renamed and its name reused), the collector closes it when it sees the change.
 */
public final class KernelFile implements Closeable {

  /** Descriptors kept in the whole process at most: well below any descriptor limit. */
  public static final int MAX_KEPT = 512;

  private static final AtomicInteger KEPT = new AtomicInteger();

  private final Path path;
  private final int maxBytes;
  private FileChannel channel;

  /** Whether the last read failed: the next one opens the path, and keeps nothing open. */
  private boolean failed;

  public KernelFile(Path path) {
    this(path, KernelFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes a longer file is an error naming path and cap, as {@link KernelFiles#read(Path,
   *     int)}
   */
  public KernelFile(Path path, int maxBytes) {
    this.path = path;
    this.maxBytes = maxBytes;
  }

  public Path path() {
    return path;
  }

  /** The file's content, as {@link KernelFiles#read(Path, int)} gives it. */
  public String read() throws IOException {
    if (channel == null && !failed && KernelFiles.trusted(path)) {
      open();
    }
    if (channel != null) {
      try {
        return KernelFiles.readFrom(channel, path, maxBytes);
      } catch (IOException e) {
        close(); // gone (ENODEV) or refusing now (EINVAL): a fresh read of the path tells which
      }
    }
    try {
      String text = KernelFiles.read(path, maxBytes);
      failed = false;
      return text;
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  /**
   * Opens the file to keep it, unless the process keeps {@link #MAX_KEPT} already. A file that
   * cannot be opened fails the read with the open's exception, as {@link KernelFiles#read} would:
   * one failed open.
   */
  private void open() throws IOException {
    if (KEPT.incrementAndGet() > MAX_KEPT) {
      KEPT.decrementAndGet();
      return;
    }
    try {
      channel = FileChannel.open(path);
    } catch (IOException e) {
      KEPT.decrementAndGet();
      failed = true;
      throw e;
    }
  }

  /**
   * The file's content, or empty when the host does not have it, as {@link
   * KernelFiles#readIfPresent}.
   */
  public Optional<String> readIfPresent() throws IOException {
    try {
      return Optional.of(read());
    } catch (FileSystemException e) {
      return KernelFiles.absent(e);
    }
  }

  /** Closes the descriptor, if one is kept; the next read opens the path again. */
  @Override
  public void close() {
    if (channel != null) {
      KEPT.decrementAndGet();
      try {
        channel.close();
      } catch (IOException e) {
        // closing a read-only kernel file does not fail in a way that matters
      }
      channel = null;
    }
  }
}
