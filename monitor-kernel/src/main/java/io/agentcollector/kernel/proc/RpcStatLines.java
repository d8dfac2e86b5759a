package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.Arrays;
import java.util.Set;

/**
 * The format /proc/net/rpc/nfs and /proc/net/rpc/nfsd share: a line per group, {@code <label> <u64>
 * <u64> ...}; the {@code procN} and {@code proc4ops} lines start with the count of the values that
 * follow. Lines whose label is not asked for are skipped unread (newer kernels add some).
 */
final class RpcStatLines {

  /** Receives a line: its label, its values in {@code values[0, count)}. */
  interface Consumer {
    void line(String label, long[] values, int count, int lineNumber);
  }

  private RpcStatLines() {}

  /**
   * Parses {@code content}, calling {@code consumer} for each line whose label is in {@code known}.
   * Of a {@code firstTwoOnly} line only two values are read: nfsd's {@code th} line goes on with a
   * histogram the kernel fills with {@code 0.000}.
   */
  static void parse(
      String file, String content, Set<String> known, String firstTwoOnly, Consumer consumer) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      // The kernel ends every line: without a final newline the last number may be cut short.
      throw new IllegalArgumentException(file + ": no newline at the end, the file is cut short");
    }
    long[] values = new long[128];
    int lineNumber = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      lineNumber++;
      int from = Fields.skipSpace(content, start, end);
      int labelEnd = Fields.skipField(content, from, end);
      if (from < end) {
        String label = content.substring(from, labelEnd);
        if (known.contains(label)) {
          int max = label.equals(firstTwoOnly) ? 2 : Integer.MAX_VALUE;
          int count = 0;
          int i = Fields.skipSpace(content, labelEnd, end);
          while (i < end && count < max) {
            int to = Fields.skipField(content, i, end);
            if (count == values.length) {
              values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = Fields.unsigned(file, lineNumber, content, i, to);
            i = Fields.skipSpace(content, to, end);
          }
          consumer.line(label, values, count, lineNumber);
        }
      }
      start = end + 1;
    }
  }

  /** {@code values[0, count)} with at least {@code min} of them, else a rejection. */
  static long[] atLeast(String file, int line, String label, long[] values, int count, int min) {
    if (count < min) {
      throw new IllegalArgumentException(
          file + " line " + line + ": \"" + label + "\" has " + count + " values, expected " + min);
    }
    return Arrays.copyOf(values, count);
  }

  /**
   * The counts of a {@code procN} line: the first value says how many follow, which must be so and
   * at least {@code min}; the result has {@code size} entries, zeros after what the line has.
   */
  static long[] procedures(
      String file, int line, String label, long[] values, int count, int min, int size) {
    if (count == 0 || values[0] != count - 1 || count - 1 < min) {
      throw new IllegalArgumentException(
          file
              + " line "
              + line
              + ": \""
              + label
              + "\" announces "
              + (count == 0 ? "nothing" : Long.toUnsignedString(values[0]))
              + " values and has "
              + Math.max(0, count - 1)
              + (min > 0 ? ", at least " + min + " expected" : ""));
    }
    long[] out = new long[size];
    System.arraycopy(values, 1, out, 0, Math.min(size, count - 1));
    return out;
  }
}
