package io.agentcollector.kernel.sys;

/**
 * {@code enforce} of the SELinux file system ({@code /sys/fs/selinux/enforce}): {@code 1} when
 * SELinux enforces its policy, {@code 0} when it is permissive (only logs)
 * (https://github.com/SELinuxProject/selinux-kernel/wiki/API-selinuxfs;
 * security/selinux/selinuxfs.c writes the number without a newline).
 */
public final class SysFsSelinuxEnforce {

  private SysFsSelinuxEnforce() {}

  /** The mode in the text of {@code file}, which messages name. */
  public static int parse(String file, String content) {
    String v = content.strip();
    if (v.equals("0") || v.equals("1")) {
      return v.charAt(0) - '0';
    }
    throw new IllegalArgumentException(file + ": expected 0 or 1, got \"" + v + "\"");
  }
}
