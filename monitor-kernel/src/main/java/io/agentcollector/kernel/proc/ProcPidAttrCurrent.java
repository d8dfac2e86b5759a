package io.agentcollector.kernel.proc;

/**
 * {@code /proc/<pid>/attr/current} (or {@code /proc/thread-self/attr/current}): the security
 * context of a task under the active Linux security module, e.g. SELinux's {@code
 * system_u:system_r:init_t:s0} (proc(5); https://docs.kernel.org/admin-guide/LSM/index.html).
 * SELinux ends it with a NUL byte, AppArmor with a newline; both are dropped. Before SELinux loads
 * its policy every task's context is {@code kernel}.
 */
public final class ProcPidAttrCurrent {

  private ProcPidAttrCurrent() {}

  /** The context in the text of {@code file}, which messages name. */
  public static String parse(String file, String content) {
    int end = content.length();
    while (end > 0 && (content.charAt(end - 1) == '\0' || content.charAt(end - 1) == '\n')) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      if (content.charAt(i) < ' ') {
        throw new IllegalArgumentException(
            file + ": control character in the context \"" + content.substring(0, end) + "\"");
      }
    }
    return content.substring(0, end);
  }
}
