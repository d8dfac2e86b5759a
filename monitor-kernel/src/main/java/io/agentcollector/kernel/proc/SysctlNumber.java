package io.agentcollector.kernel.proc;

/**
 * A {@code /proc/sys/...} file holding one whole number
 * (https://docs.kernel.org/admin-guide/sysctl/).
 */
public final class SysctlNumber {

  private SysctlNumber() {}

  /** The number in the text of {@code file}, which an error message names. */
  public static double parse(String file, String content) {
    try {
      return Long.parseLong(content.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": not a number: \"" + content.strip() + "\"");
    }
  }
}
