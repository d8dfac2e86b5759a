package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code /proc/filesystems}: the file system types the kernel supports, one per line, after {@code
 * nodev} for those that need no block device (proc(5); fs/filesystems.c). Lines are {@code
 * nodev<TAB>name} or {@code <TAB>name}.
 *
 * @param names the types, in file order
 */
public record ProcFilesystems(Set<String> names) {

  private static final String FILE = "/proc/filesystems";

  /** Parses the file's text. */
  public static ProcFilesystems parse(String content) {
    Set<String> out = new LinkedHashSet<>();
    int n = 0;
    for (String line : content.split("\n", -1)) {
      n++;
      String[] f = Fields.split(line);
      if (f.length == 1 && !f[0].equals("nodev")) {
        out.add(f[0]);
      } else if (f.length == 2 && f[0].equals("nodev")) {
        out.add(f[1]);
      } else if (f.length > 0) {
        throw new IllegalArgumentException(
            FILE + " line " + n + ": expected \"[nodev] type\", got \"" + line.strip() + "\"");
      }
    }
    return new ProcFilesystems(Set.copyOf(out));
  }
}
