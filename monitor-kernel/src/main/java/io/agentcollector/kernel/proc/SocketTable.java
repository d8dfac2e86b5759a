package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The socket tables {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}, which share
 * one layout (https://docs.kernel.org/networking/proc_net_tcp.html): a header line, then per socket
 * {@code sl: local-address:port remote-address:port st tx_queue:rx_queue tr:tm->when retrnsmt uid
 * timeout inode ...}, addresses and numbers up to the uid in hexadecimal. A line needs those ten
 * columns (prometheus/procfs's check) in that form; later columns differ between tcp and udp and
 * are ignored.
 *
 * <p>A busy server has a hundred thousand sockets, 15 MB of text: the table is streamed through a
 * 32 KiB buffer reused per thread, and summed, never held.
 */
final class SocketTable {

  /** What the collectors use of a table. */
  static final class Totals {
    /** Sockets per state, indexed by the kernel's state number ({@code st}, one byte). */
    final long[] byState = new long[256];

    long txQueue;
    long rxQueue;
    long sockets;
  }

  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(32 * 1024));

  private SocketTable() {}

  /** The totals of the table at {@code path}, empty when the host has none (no IPv6, say). */
  static Optional<Totals> readIfPresent(String file, Path path) throws IOException {
    try (SeekableByteChannel c = KernelFiles.open(path)) {
      return Optional.of(scan(file, c, BUFFER.get()));
    } catch (NoSuchFileException | AccessDeniedException e) {
      return Optional.empty();
    }
  }

  /** The totals of a table's text (tests, fuzzing). */
  static Totals parse(String file, String content) {
    byte[] b = content.getBytes(StandardCharsets.ISO_8859_1);
    Totals t = new Totals();
    int n = 0;
    int start = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n') {
        line(file, ++n, b, start, i, t);
        start = i + 1;
      }
    }
    return t;
  }

  /** Streams {@code c} through {@code buf}, whole lines at a time. */
  static Totals scan(String file, ReadableByteChannel c, ByteBuffer buf) throws IOException {
    buf.clear();
    byte[] b = buf.array();
    Totals t = new Totals();
    int n = 0;
    while (true) {
      int read = c.read(buf);
      int end = buf.position();
      int start = 0;
      for (int i = 0; i < end; i++) {
        if (b[i] == '\n') {
          line(file, ++n, b, start, i, t);
          start = i + 1;
        }
      }
      if (read < 0) {
        line(file, ++n, b, start, end, t);
        return t;
      }
      // Keep the line a read cut (a regular file's read does; the kernel's stops at a line end).
      System.arraycopy(b, start, b, 0, end - start);
      buf.position(end - start);
      if (!buf.hasRemaining()) {
        throw new IllegalArgumentException(
            file + " line " + (n + 1) + ": longer than " + b.length + " bytes");
      }
    }
  }

  private static void line(String file, int n, byte[] b, int from, int to, Totals t) {
    int i = skipSpace(b, from, to);
    if (n == 1 || i == to) {
      return; // the header, or the empty rest after the last newline
    }
    int column = 0;
    long state = -1;
    while (i < to && column < 10) {
      int e = skipField(b, i, to);
      boolean ok =
          switch (column) {
            case 0 -> e - i > 1 && b[e - 1] == ':' && isDecimal(b, i, e - 1);
            case 1, 2 -> isAddress(b, i, e);
            case 3 -> (state = Hex.parse(b, i, e, 2)) >= 0;
            case 4 -> queues(b, i, e, t);
            case 7, 9 -> isDecimal(b, i, e);
            default -> true;
          };
      if (!ok) {
        throw error(
            file, n, "bad column " + (column + 1) + " \"" + text(b, i, e) + "\"", b, from, to);
      }
      column++;
      i = skipSpace(b, e, to);
    }
    if (column < 10) {
      throw error(file, n, column + " columns, expected at least 10", b, from, to);
    }
    t.byState[(int) state]++;
    t.sockets++;
  }

  /** {@code tx_queue:rx_queue}, each {@code %08X}; added to the totals. */
  private static boolean queues(byte[] b, int from, int to, Totals t) {
    int colon = indexOf(b, ':', from, to);
    long tx = colon < 0 ? -1 : Hex.parse(b, from, colon, 8);
    long rx = colon < 0 ? -1 : Hex.parse(b, colon + 1, to, 8);
    if (tx < 0 || rx < 0) {
      return false;
    }
    t.txQueue += tx;
    t.rxQueue += rx;
    return true;
  }

  /** {@code ADDRESS:PORT}: 8 (IPv4) or 32 (IPv6) hex digits, a colon, 4 hex digits. */
  private static boolean isAddress(byte[] b, int from, int to) {
    int colon = indexOf(b, ':', from, to);
    return colon >= 0
        && (colon - from == 8 || colon - from == 32)
        && Hex.parse(b, from, from + 8, 8) >= 0
        && (colon - from == 8 || Hex.parse(b, from + 8, from + 20, 12) >= 0)
        && (colon - from == 8 || Hex.parse(b, from + 20, colon, 12) >= 0)
        && Hex.parse(b, colon + 1, to, 4) >= 0;
  }

  private static boolean isDecimal(byte[] b, int from, int to) {
    if (to <= from || to - from > 20) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] >= 0 && b[i] <= ' ') {
      i++;
    }
    return i;
  }

  private static int skipField(byte[] b, int from, int to) {
    int i = from;
    while (i < to && (b[i] < 0 || b[i] > ' ')) {
      i++;
    }
    return i;
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static IllegalArgumentException error(
      String file, int n, String what, byte[] b, int from, int to) {
    return new IllegalArgumentException(
        file + " line " + n + ": " + what + " in \"" + text(b, from, to).strip() + "\"");
  }
}
