package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/mdstat}: the software RAID (md) arrays, a block per array
 * (https://raid.wiki.kernel.org/index.php/Mdstat, drivers/md/md.c {@code md_seq_show}). Read as
 * procfs 0.8.0 (node_exporter 1.5.0's) reads it: a line that starts at column 0 (other than {@code
 * Personalities} and {@code unused devices}) is an array, {@code mdN : active|inactive [options]
 * <personality> <disk>[n][(F)|(S)] ...}; the next line holds its size in 1 KiB blocks and, except
 * for raid0, linear and inactive arrays, {@code [total/active] [UU_]}; the line after it, or after
 * the {@code bitmap:} line, shows a running resync, recovery or check with {@code (synced/total)}.
 *
 * @param arrays the arrays in file order
 */
public record ProcMdstat(List<Array> arrays) {

  static final String FILE = "/proc/mdstat";

  /**
   * One md array.
   *
   * @param name the device, {@code md0}
   * @param activityState {@code active} or {@code inactive} from the array line, replaced by {@code
   *     recovering}, {@code resyncing} or {@code checking} while one runs
   * @param disksActive disks in use ({@code active} of {@code [total/active]}; every disk of raid0
   *     and linear arrays; 0 when inactive)
   * @param disksTotal disks the array needs ({@code total} of {@code [total/active]})
   * @param disksFailed disks marked {@code (F)}
   * @param disksDown missing disks ({@code _} in {@code [UU_]})
   * @param disksSpare disks marked {@code (S)}
   * @param blocksTotal size in 1 KiB blocks
   * @param blocksSynced blocks in sync: the size unless a resync, recovery or check runs (0 while
   *     it is PENDING or DELAYED)
   */
  public record Array(
      String name,
      String activityState,
      long disksActive,
      long disksTotal,
      long disksFailed,
      long disksDown,
      long disksSpare,
      long blocksTotal,
      long blocksSynced) {}

  /** Parses the file's text. */
  public static ProcMdstat parse(String content) {
    List<String> lines = lines(content);
    List<Array> arrays = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()
          || Fields.isSpace(line.charAt(0))
          || line.startsWith("Personalities")
          || line.startsWith("unused")) {
        continue;
      }
      arrays.add(array(lines, i));
    }
    return new ProcMdstat(List.copyOf(arrays));
  }

  private static Array array(List<String> lines, int i) {
    String line = lines.get(i);
    String[] f = Fields.split(line);
    if (f.length < 3 || !f[1].equals(":")) {
      throw bad(i, "expected \"mdN : active|inactive ...\"", line);
    }
    if (lines.size() <= i + 3) {
      // The status line and the line after it always follow; without them the file was cut.
      throw bad(i, "too few lines after the array line", line);
    }
    String status = lines.get(i + 1);
    long size = firstNumber(status, i + 1);
    long total;
    long active;
    long down = 0;
    if (line.contains("raid0") || line.contains("linear")) {
      // No redundancy, no [n/m]: each member disk is one "[k]" on the array line.
      total = count(line, "[");
      active = total;
    } else if (line.contains("inactive")) {
      total = 0;
      active = 0;
    } else {
      int open = diskCounts(status);
      if (open < 0) {
        throw bad(i + 1, "no \"[total/active] [U_]\" in the status line", status);
      }
      int slash = status.indexOf('/', open);
      int close = status.indexOf(']', slash);
      total = Fields.number(FILE, i + 2, status, open + 1, slash);
      active = Fields.number(FILE, i + 2, status, slash + 1, close);
      down = count(status.substring(close + 3, status.indexOf(']', close + 3)), "_");
    }
    int syncIndex = lines.get(i + 2).contains("bitmap") ? i + 3 : i + 2;
    String sync = lines.get(syncIndex);
    String state = f[2];
    long synced = size;
    boolean recovering = sync.contains("recovery");
    boolean checking = sync.contains("check");
    if (recovering || checking || sync.contains("resync")) {
      state = recovering ? "recovering" : checking ? "checking" : "resyncing";
      synced =
          sync.contains("PENDING") || sync.contains("DELAYED") ? 0 : synced(sync, syncIndex + 1);
    }
    return new Array(
        f[0], state, active, total, count(line, "(F)"), down, count(line, "(S)"), size, synced);
  }

  /**
   * Where the last {@code [<digits>/<digits>] [<U or _>...]} of the status line starts (its {@code
   * [}), or -1.
   */
  static int diskCounts(String s) {
    for (int open = s.lastIndexOf('['); open >= 0; open = s.lastIndexOf('[', open - 1)) {
      int j = digits(s, open + 1);
      if (j == open + 1 || j >= s.length() || s.charAt(j) != '/') {
        continue;
      }
      int k = digits(s, j + 1);
      if (k == j + 1 || !s.startsWith("] [", k)) {
        continue;
      }
      int m = k + 3;
      while (m < s.length() && (s.charAt(m) == 'U' || s.charAt(m) == '_')) {
        m++;
      }
      if (m > k + 3 && m < s.length() && s.charAt(m) == ']') {
        return open;
      }
    }
    return -1;
  }

  /** The synced blocks of {@code (synced/total)} on a resync, recovery or check line. */
  private static long synced(String line, int lineNumber) {
    for (int open = line.indexOf('('); open >= 0; open = line.indexOf('(', open + 1)) {
      int j = digits(line, open + 1);
      if (j > open + 1 && j < line.length() && line.charAt(j) == '/') {
        int k = digits(line, j + 1);
        if (k > j + 1 && k < line.length() && line.charAt(k) == ')') {
          return Fields.number(FILE, lineNumber, line, open + 1, j);
        }
      }
    }
    throw bad(lineNumber - 1, "no \"(synced/total)\" in the sync line", line);
  }

  private static long firstNumber(String line, int index) {
    int from = Fields.skipSpace(line, 0, line.length());
    int to = Fields.skipField(line, from, line.length());
    if (from == to) {
      throw bad(index, "expected \"<blocks> blocks ...\"", line);
    }
    return Fields.number(FILE, index + 1, line, from, to);
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static long count(String s, String what) {
    long n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  /** The lines, with an empty last one after a final newline (as Go's strings.Split). */
  private static List<String> lines(String content) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int nl = content.indexOf('\n'); nl >= 0; nl = content.indexOf('\n', start)) {
      lines.add(content.substring(start, nl));
      start = nl + 1;
    }
    lines.add(content.substring(start));
    return lines;
  }

  private static IllegalArgumentException bad(int index, String what, String line) {
    return new IllegalArgumentException(
        FILE + " line " + (index + 1) + ": " + what + ", got \"" + line + "\"");
  }
}
