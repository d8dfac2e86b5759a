package io.agentcollector.kernel.proc;

/**
 * {@code /proc/sys/fs/file-nr}: allocated file handles, free allocated handles (always 0 since 2.6)
 * and the maximum (https://docs.kernel.org/admin-guide/sysctl/fs.html#file-max-file-nr).
 */
public record ProcSysFsFileNr(double allocated, double maximum) {

  /** Parses the file's text. */
  public static ProcSysFsFileNr parse(String content) {
    String[] f = content.strip().split("\\s+");
    if (f.length < 3) {
      throw new IllegalArgumentException(
          "/proc/sys/fs/file-nr: expected 3 numbers, got \"" + content.strip() + "\"");
    }
    try {
      return new ProcSysFsFileNr(Double.parseDouble(f[0]), Double.parseDouble(f[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "/proc/sys/fs/file-nr: not a number in \"" + content.strip() + "\"");
    }
  }
}
