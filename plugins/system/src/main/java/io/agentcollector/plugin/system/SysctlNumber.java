package io.agentcollector.plugin.system;

/**
 * A {@code /proc/sys/...} file holding one whole number
 * (https://docs.kernel.org/admin-guide/sysctl/).
 */
final class SysctlNumber {

  private SysctlNumber() {}

  static double parse(String file, String content) {
    try {
      return Long.parseLong(content.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": not a number: \"" + content.strip() + "\"");
    }
  }
}
