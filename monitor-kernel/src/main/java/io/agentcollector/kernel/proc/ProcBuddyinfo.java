package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/buddyinfo} (https://docs.kernel.org/filesystems/proc.html#meminfo), one line per
 * NUMA node and memory zone: {@code Node 0, zone Normal 7141 4677 ...}, the free blocks of each
 * order (2^order pages) of the buddy allocator. Every line has the same number of orders ({@code
 * MAX_ORDER}); a line with another number, or a file without its final newline, is refused (a cut
 * would otherwise end in a plausible, smaller count).
 *
 * @param zones in file order
 */
public record ProcBuddyinfo(List<Zone> zones) {

  /**
   * @param node the NUMA node number, as written
   * @param zone {@code DMA}, {@code DMA32}, {@code Normal}, {@code Movable}, ...
   * @param freeBlocks per order, from 0
   */
  public record Zone(String node, String zone, List<Long> freeBlocks) {}

  private static final String FILE = "/proc/buddyinfo";

  /** Parses the file's text. */
  public static ProcBuddyinfo parse(String content) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      throw new IllegalArgumentException(FILE + ": no newline at the end, the file is cut short");
    }
    List<Zone> zones = new ArrayList<>();
    int orders = -1;
    int lineNo = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      lineNo++;
      String line = content.substring(start, end);
      start = end + 1;
      String[] f = Fields.split(line);
      if (f.length < 4 || !f[0].equals("Node") || !f[2].equals("zone") || !f[1].endsWith(",")) {
        throw new IllegalArgumentException(
            FILE
                + " line "
                + lineNo
                + ": expected \"Node <n>, zone <zone> <counts>\": \""
                + line
                + "\"");
      }
      if (orders < 0) {
        orders = f.length - 4;
      } else if (orders != f.length - 4) {
        throw new IllegalArgumentException(
            FILE
                + " line "
                + lineNo
                + ": "
                + (f.length - 4)
                + " orders, the lines before have "
                + orders
                + ": \""
                + line
                + "\"");
      }
      Long[] blocks = new Long[orders];
      for (int i = 0; i < orders; i++) {
        blocks[i] = Fields.unsigned(FILE, lineNo, f[i + 4], 0, f[i + 4].length());
      }
      zones.add(new Zone(f[1].substring(0, f[1].length() - 1), f[3], List.of(blocks)));
    }
    return new ProcBuddyinfo(List.copyOf(zones));
  }
}
