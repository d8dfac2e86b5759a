package io.agentcollector.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads small procfs, sysfs and cgroupfs files whole, into a buffer reused per thread: one
 * {@code open}, usually one {@code read}, one {@code close}. Container collectors read a dozen
 * such files per container per cycle, and {@link Files#readString} costs more: it stats the file
 * to size an array, and for the size 0 that kernel files report it reads one byte, then the rest.
 * Missing files throw {@link java.nio.file.NoSuchFileException}, as {@code Files} does. Kernel
 * files are ASCII; bytes are mapped one to one (ISO-8859-1).
 */
public final class KernelFiles {

  /**
   * A first read shorter than this is the whole file, and the read that would return end-of-file
   * is skipped. A seq_file (what nearly every such file is) answers a read with as many whole
   * records as fit in its buffer, one page (4 KiB or more) to begin with and grown until the first
   * record fits: so a read stops short of the end only when the next record would not have fit in
   * that page, which cannot happen below half a page unless a record exceeds 2 KiB (none of the
   * files read this way has such records). Regular files (fixture trees) read whole anyway.
   */
  static final int WHOLE_BELOW = 2048;

  private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(16 * 1024));

  private KernelFiles() {}

  /** The file's content. */
  public static String read(Path file) throws IOException {
    ByteBuffer b = BUFFER.get();
    b.clear();
    try (SeekableByteChannel c = Files.newByteChannel(file)) {
      int n = c.read(b);
      if (n >= WHOLE_BELOW) {
        while (c.read(b) >= 0) {
          if (!b.hasRemaining()) {
            // A long cgroup.procs, say: grow, and keep the larger buffer for next time.
            ByteBuffer bigger = ByteBuffer.allocate(b.capacity() * 2);
            b.flip();
            bigger.put(b);
            b = bigger;
            BUFFER.set(b);
          }
        }
      }
    }
    return new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
  }
}
