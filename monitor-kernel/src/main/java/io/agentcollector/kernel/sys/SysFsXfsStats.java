package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /sys/fs/xfs/<device>/stats/stats}: the statistics of one mounted XFS filesystem, a line
 * per group, {@code <group> <u32> ...} (fs/xfs/xfs_stats.c {@code xfs_stats_format},
 * https://xfs.wiki.kernel.org/ "Runtime Stats"). Kept: the groups node_exporter maps, each with at
 * least as many values as procfs 0.8.0 requires; a group the file lacks reads as zeros, as procfs
 * leaves it; other groups and extra values (newer kernels) are ignored.
 *
 * @param device the directory's name: the block device, {@code sda1}, {@code dm-0}
 * @param groups values per kept group ({@link #GROUPS}), zeros where the file has none
 */
public record SysFsXfsStats(String device, Map<String, long[]> groups) {

  /**
   * Kept groups and the values each must have: extent_alloc, abt, blk_map, bmbt, dir, ig, rw,
   * vnodes.
   */
  public static final Map<String, Integer> GROUPS =
      Map.of(
          "extent_alloc",
          4,
          "abt",
          4,
          "blk_map",
          7,
          "bmbt",
          4,
          "dir",
          4,
          "ig",
          7,
          "rw",
          2,
          "vnodes",
          7);

  /**
   * The filesystems under {@code sysFsXfs} ({@code /sys/fs/xfs}), by device name; empty when XFS is
   * not loaded. A filesystem unmounted between the listing and the read is left out.
   */
  public static List<SysFsXfsStats> read(Path sysFsXfs) throws IOException {
    List<String> devices = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(sysFsXfs)) {
      for (Path p : dir) {
        devices.add(p.getFileName().toString());
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    devices.sort(null);
    List<SysFsXfsStats> out = new ArrayList<>(devices.size());
    for (String device : devices) {
      if (device.equals("stats")) {
        // /sys/fs/xfs/stats/stats: the sum over all filesystems, not one of them.
        continue;
      }
      Optional<String> content =
          KernelFiles.readIfPresent(sysFsXfs.resolve(device).resolve("stats").resolve("stats"));
      if (content.isPresent()) {
        out.add(parse(device, content.get()));
      }
    }
    return List.copyOf(out);
  }

  /** Parses the stats file of {@code device}. */
  public static SysFsXfsStats parse(String device, String content) {
    String file = "/sys/fs/xfs/" + device + "/stats/stats";
    if (!content.isEmpty() && !content.endsWith("\n")) {
      throw new IllegalArgumentException(file + ": no newline at the end, the file is cut short");
    }
    Map<String, long[]> groups = new HashMap<>();
    int line = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      line++;
      int from = Fields.skipSpace(content, start, end);
      int labelEnd = Fields.skipField(content, from, end);
      String group = content.substring(from, labelEnd);
      Integer wanted = GROUPS.get(group);
      if (wanted != null) {
        groups.put(group, values(file, line, group, content, labelEnd, end, wanted));
      }
      start = end + 1;
    }
    for (Map.Entry<String, Integer> g : GROUPS.entrySet()) {
      groups.putIfAbsent(g.getKey(), new long[g.getValue()]);
    }
    return new SysFsXfsStats(device, Map.copyOf(groups));
  }

  private static long[] values(
      String file, int line, String group, String s, int from, int to, int wanted) {
    long[] v = new long[wanted];
    int n = 0;
    int i = Fields.skipSpace(s, from, to);
    while (i < to) {
      int end = Fields.skipField(s, i, to);
      long value = Fields.unsigned(file, line, s, i, end);
      if (n < wanted) {
        v[n] = value;
      }
      n++;
      i = Fields.skipSpace(s, end, to);
    }
    if (n < wanted) {
      throw new IllegalArgumentException(
          file + " line " + line + ": \"" + group + "\" has " + n + " values, expected " + wanted);
    }
    return v;
  }
}
