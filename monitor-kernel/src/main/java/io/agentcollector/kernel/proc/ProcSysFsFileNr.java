package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;

/**
 * {@code /proc/sys/fs/file-nr}: allocated file handles, free allocated handles (always 0 since 2.6)
 * and the maximum (https://docs.kernel.org/admin-guide/sysctl/fs.html#file-max-file-nr).
 */
public record ProcSysFsFileNr(double allocated, double maximum) {

  /** Parses the file's text. */
  public static ProcSysFsFileNr parse(String content) {
    Cursor c = Cursor.overWhole(content);
    if (!c.nextLine() || c.fieldsLeft() < 3) {
      throw new IllegalArgumentException(
          "/proc/sys/fs/file-nr: expected 3 numbers, got \"" + content.strip() + "\"");
    }
    try {
      c.nextField();
      double allocated = c.doubleValue();
      c.nextField();
      c.nextField();
      return new ProcSysFsFileNr(allocated, c.doubleValue());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "/proc/sys/fs/file-nr: not a number in \"" + content.strip() + "\"");
    }
  }
}
