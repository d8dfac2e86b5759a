package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The NUMA nodes of {@code /sys/devices/system/node/node<N>/}
 * (https://www.kernel.org/doc/Documentation/ABI/stable/sysfs-devices-node): {@code meminfo}, lines
 * such as {@code Node 0 MemTotal: 14116636 kB} (kB turned into bytes here), and {@code numastat},
 * lines such as {@code numa_hit 366144563} (page counts). Both files are required for every node,
 * as in node_exporter. A file without its final newline is refused: a cut could leave a plausible,
 * smaller value.
 *
 * @param nodes in name order
 */
public record SysDevicesSystemNode(List<Node> nodes) {

  /**
   * @param node the number of {@code node<N>}
   */
  public record Node(String node, List<MeminfoField> meminfo, List<Counter> numastat) {}

  /**
   * A {@code meminfo} line.
   *
   * @param node the node number the line names
   * @param key e.g. {@code MemTotal}, {@code Active(anon)}, {@code HugePages_Total}
   * @param value in bytes when {@code bytes}, else as written (a count)
   * @param bytes whether the line had the unit kB
   */
  public record MeminfoField(String node, String key, long value, boolean bytes) {}

  /** A {@code numastat} line: {@code numa_hit}, {@code local_node}, ... and its page count. */
  public record Counter(String key, long value) {}

  /** Reads {@code nodeDir}, the {@code /sys/devices/system/node} directory. */
  public static SysDevicesSystemNode read(Path nodeDir) throws IOException {
    List<Node> nodes = new ArrayList<>();
    for (String name : SysfsFiles.numbered(nodeDir, "node")) {
      Path dir = nodeDir.resolve(name);
      Path meminfo = dir.resolve("meminfo");
      Path numastat = dir.resolve("numastat");
      nodes.add(
          new Node(
              SysfsFiles.digitsAt(name, 4),
              parseMeminfo(meminfo.toString(), KernelFiles.read(meminfo)),
              parseNumastat(numastat.toString(), KernelFiles.read(numastat))));
    }
    return new SysDevicesSystemNode(List.copyOf(nodes));
  }

  /** Parses a {@code node<N>/meminfo}; {@code file} names it in rejections. */
  public static List<MeminfoField> parseMeminfo(String file, String content) {
    List<MeminfoField> out = new ArrayList<>();
    forEachLine(
        file,
        content,
        (line, lineNo) -> {
          String[] f = Fields.split(line);
          boolean kb = f.length == 5 && f[4].equals("kB");
          if (!(f.length == 4 || kb) || !f[0].equals("Node") || !f[2].endsWith(":")) {
            throw new IllegalArgumentException(
                file
                    + " line "
                    + lineNo
                    + ": expected \"Node <n> <key>: <value> [kB]\": \""
                    + line
                    + "\"");
          }
          long v = Fields.number(file, lineNo, f[3]);
          if (kb && (v > Long.MAX_VALUE / 1024 || v < Long.MIN_VALUE / 1024)) {
            throw new IllegalArgumentException(
                file + " line " + lineNo + ": out of range: \"" + f[3] + "\"");
          }
          String key = f[2].substring(0, f[2].length() - 1);
          // kB is KiB: the kernel prints pages << (PAGE_SHIFT - 10)
          out.add(new MeminfoField(f[1], key, kb ? v * 1024 : v, kb));
        });
    return List.copyOf(out);
  }

  /** Parses a {@code node<N>/numastat}; {@code file} names it in rejections. */
  public static List<Counter> parseNumastat(String file, String content) {
    List<Counter> out = new ArrayList<>();
    forEachLine(
        file,
        content,
        (line, lineNo) -> {
          String[] f = Fields.split(line);
          if (f.length != 2) {
            throw new IllegalArgumentException(
                file + " line " + lineNo + ": expected \"<key> <count>\": \"" + line + "\"");
          }
          out.add(new Counter(f[0], Fields.unsigned(file, lineNo, f[1], 0, f[1].length())));
        });
    return List.copyOf(out);
  }

  private interface LineHandler {
    void line(String line, int lineNo);
  }

  /** Every line but blank ones, as node_exporter skips them; the last must end in a newline. */
  private static void forEachLine(String file, String content, LineHandler handler) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      throw new IllegalArgumentException(file + ": no newline at the end, the file is cut short");
    }
    int lineNo = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      lineNo++;
      if (Fields.skipSpace(content, start, end) < end) {
        handler.line(content.substring(start, end), lineNo);
      }
      start = end + 1;
    }
  }
}
