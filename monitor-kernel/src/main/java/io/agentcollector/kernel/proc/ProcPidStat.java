package io.agentcollector.kernel.proc;

import java.nio.charset.StandardCharsets;

/**
 * {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/stat}: one line, {@code pid (comm)
 * state ppid ...} (https://docs.kernel.org/filesystems/proc.html, table 1-4; proc(5)). The command
 * name may hold spaces and parentheses, so the fields are counted from the last {@code )}, as
 * prometheus/procfs does. Kept are the state (field 3) and the number of threads (field 20); the
 * other fields are ignored. Parsed in place from bytes, without a String: the processes collector
 * reads this file for every process and thread each cycle.
 *
 * @param state the state letter: {@code R}, {@code S}, {@code D}, {@code Z}, {@code T}, {@code t},
 *     {@code X}, {@code I}, ...
 * @param numThreads the threads of the process (of the thread's process, for a task's file)
 */
public record ProcPidStat(char state, long numThreads) {

  /** {@code num_threads} is the 17th field after the state (field 20 of the line). */
  private static final int THREADS_AFTER_STATE = 17;

  /** Parses the text of {@code file}, which messages name. */
  public static ProcPidStat parse(String file, String content) {
    byte[] b = content.getBytes(StandardCharsets.ISO_8859_1);
    return parse(file, b, b.length);
  }

  /** Parses {@code b[0, length)}, the bytes of {@code file}, which messages name. */
  public static ProcPidStat parse(String file, byte[] b, int length) {
    int close = length - 1;
    while (close >= 0 && b[close] != ')') {
      close--;
    }
    int i = close + 1;
    if (close < 0 || i + 2 >= length || b[i] != ' ' || isSpace(b[i + 1]) || !isSpace(b[i + 2])) {
      throw error(file, "expected \"pid (comm) state ...\"", b, length);
    }
    char state = (char) (b[i + 1] & 0xff);
    i += 2;
    int start = i;
    for (int field = 0; field < THREADS_AFTER_STATE; field++) {
      while (i < length && isSpace(b[i])) {
        i++;
      }
      start = i;
      while (i < length && !isSpace(b[i])) {
        i++;
      }
      if (start == i) {
        throw error(file, "fewer than 20 fields", b, length);
      }
    }
    return new ProcPidStat(state, threads(file, b, start, i, length));
  }

  private static long threads(String file, byte[] b, int from, int to, int length) {
    long v = 0;
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9' || to - from > 18) {
        throw error(
            file,
            "num_threads not a number: \""
                + new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                + "\"",
            b,
            length);
      }
      v = v * 10 + b[i] - '0';
    }
    return v;
  }

  private static boolean isSpace(byte c) {
    return c >= 0 && c <= ' ';
  }

  private static IllegalArgumentException error(String file, String what, byte[] b, int length) {
    String line = new String(b, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1).strip();
    return new IllegalArgumentException(file + " line 1: " + what + " in \"" + line + "\"");
  }
}
