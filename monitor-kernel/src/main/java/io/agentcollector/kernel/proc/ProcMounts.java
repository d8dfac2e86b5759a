package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/<pid>/mounts} (proc(5), fields as in fstab(5)): device, mount point, fs type,
 * options, then two ignored fields. Only the escapes {@code \040} (space) and {@code \011} (tab) of
 * the mount point are decoded and the device is kept as written, exactly as node_exporter does, so
 * labels match its output.
 */
public record ProcMounts(List<Mount> mounts) {

  /** One line; {@code options} as written (comma-separated). */
  public record Mount(String device, String mountPoint, String fsType, String options) {

    /** Whether {@code ro} is one of the options. */
    public boolean readOnly() {
      for (int from = 0; from <= options.length(); ) {
        int comma = options.indexOf(',', from);
        int end = comma < 0 ? options.length() : comma;
        if (end - from == 2 && options.startsWith("ro", from)) {
          return true;
        }
        from = end + 1;
      }
      return false;
    }
  }

  /** Parses the text of {@code file}, which error messages name. */
  public static ProcMounts parse(String file, String content) {
    // By index, not split: with a container runtime the file lists a mount per container, whose
    // options (overlay's lowerdir=...) run to hundreds of characters, and it is read every cycle.
    List<Mount> out = new ArrayList<>();
    String[] field = new String[4];
    int n = 0;
    for (int pos = 0; pos < content.length(); ) {
      int end = content.indexOf('\n', pos);
      end = end < 0 ? content.length() : end;
      n++;
      int f = 0;
      int i = pos;
      while (f < 4) {
        while (i < end && isSpace(content.charAt(i))) {
          i++;
        }
        if (i == end) {
          break;
        }
        int start = i;
        while (i < end && !isSpace(content.charAt(i))) {
          i++;
        }
        field[f++] = content.substring(start, i);
      }
      if (f > 0 && f < 4) {
        throw new IllegalArgumentException(
            file
                + " line "
                + n
                + ": expected device, mount point, type and options: \""
                + content.substring(pos, end).strip()
                + "\"");
      }
      if (f == 4) {
        String mountPoint =
            field[1].indexOf('\\') < 0
                ? field[1]
                : field[1].replace("\\040", " ").replace("\\011", "\t");
        out.add(new Mount(field[0], mountPoint, field[2], field[3]));
      }
      pos = end + 1;
    }
    return new ProcMounts(List.copyOf(out));
  }

  /** Blanks and control characters, where {@code strings.Fields} splits a line. */
  private static boolean isSpace(char c) {
    return c <= ' ';
  }
}
