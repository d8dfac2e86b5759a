package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /sys/fs/bcache/<set-uuid>/}: one directory per bcache cache set
 * (https://docs.kernel.org/admin-guide/bcache.html, "Sysfs - cache set"), with its {@code
 * internal/} directory, a {@code bdev<N>} link per backing device (its {@code dirty_data}, {@code
 * writeback_rate_debug} and {@code stats_total/}) and a {@code cache<N>} link per cache device. The
 * attributes node_exporter 1.5.0 reads, read as procfs 0.8.0 reads them: sizes the kernel prints
 * with {@code bch_hprint} ({@code 1.5M}) are turned back into numbers ({@link BcacheValues}), and a
 * missing attribute is 0.
 *
 * @param uuid the cache set's directory name
 * @param set {@code average_key_size}, {@code btree_cache_size}, {@code cache_available_percent},
 *     {@code congested}, {@code root_usage_percent}, {@code tree_depth}, then {@code internal/}'s
 *     {@code active_journal_entries}, {@code btree_nodes}, {@code btree_read_average_duration_us},
 *     {@code cache_read_races}
 */
public record SysFsBcache(String uuid, long[] set, List<Backing> backings, List<Cache> caches) {

  /**
   * A backing device.
   *
   * @param writeback {@code writeback_rate_debug}: rate, dirty, target, proportional, integral,
   *     change (the last three signed)
   * @param total {@code stats_total/}: bypassed, cache_hits, cache_misses, cache_bypass_hits,
   *     cache_bypass_misses, cache_miss_collisions, cache_readaheads
   */
  public record Backing(String name, long dirtyData, long[] writeback, long[] total) {}

  /**
   * A cache device.
   *
   * @param priority {@code priority_stats}' Unused and Metadata percentages, when asked for
   */
  public record Cache(
      String name, long ioErrors, long metadataWritten, long written, Optional<long[]> priority) {}

  private static final String[] SET = {
    "average_key_size", "btree_cache_size", "cache_available_percent", "congested",
    "root_usage_percent", "tree_depth", "internal/active_journal_entries", "internal/btree_nodes",
    "internal/btree_read_average_duration_us", "internal/cache_read_races"
  };

  private static final String[] TOTAL = {
    "bypassed",
    "cache_hits",
    "cache_misses",
    "cache_bypass_hits",
    "cache_bypass_misses",
    "cache_miss_collisions",
    "cache_readaheads"
  };

  /**
   * The cache sets under {@code sysFsBcache} ({@code /sys/fs/bcache}); none when bcache is not
   * loaded. {@code priorityStats}: also read each cache's {@code priority_stats}, which makes the
   * kernel walk every bucket (node_exporter's {@code --collector.bcache.priorityStats}).
   */
  public static List<SysFsBcache> read(Path sysFsBcache, boolean priorityStats) throws IOException {
    List<SysFsBcache> out = new ArrayList<>();
    for (String uuid : list(sysFsBcache)) {
      if (uuid.indexOf('-') < 0) {
        continue; // register, register_quiet, pendings_cleanup
      }
      Path dir = sysFsBcache.resolve(uuid);
      long[] set = new long[SET.length];
      for (int i = 0; i < SET.length; i++) {
        set[i] = value(dir.resolve(SET[i]));
      }
      List<Backing> backings = new ArrayList<>();
      List<Cache> caches = new ArrayList<>();
      for (String name : list(dir)) {
        if (numbered(name, "bdev")) {
          backings.add(backing(name, dir.resolve(name)));
        } else if (numbered(name, "cache")) {
          caches.add(cache(name, dir.resolve(name), priorityStats));
        }
      }
      out.add(new SysFsBcache(uuid, set, List.copyOf(backings), List.copyOf(caches)));
    }
    return List.copyOf(out);
  }

  private static Backing backing(String name, Path dir) throws IOException {
    long[] total = new long[TOTAL.length];
    for (int i = 0; i < TOTAL.length; i++) {
      total[i] = value(dir.resolve("stats_total").resolve(TOTAL[i]));
    }
    Path debug = dir.resolve("writeback_rate_debug");
    Optional<String> text = KernelFiles.readIfPresent(debug);
    long[] writeback =
        text.isEmpty()
            ? new long[6]
            : BcacheValues.writebackRateDebug(debug.toString(), text.get());
    return new Backing(name, value(dir.resolve("dirty_data")), writeback, total);
  }

  private static Cache cache(String name, Path dir, boolean priorityStats) throws IOException {
    Optional<long[]> priority = Optional.empty();
    if (priorityStats) {
      Path file = dir.resolve("priority_stats");
      Optional<String> text = KernelFiles.readIfPresent(file);
      priority =
          Optional.of(
              text.isEmpty()
                  ? new long[2]
                  : BcacheValues.priorityStats(file.toString(), text.get()));
    }
    return new Cache(
        name,
        value(dir.resolve("io_errors")),
        value(dir.resolve("metadata_written")),
        value(dir.resolve("written")),
        priority);
  }

  /** An attribute as {@link BcacheValues#dehumanize}; 0 when missing, as procfs reads it. */
  private static long value(Path file) throws IOException {
    Optional<String> text = KernelFiles.readIfPresent(file);
    return text.isEmpty() ? 0 : BcacheValues.dehumanize(file.toString(), text.get().strip());
  }

  /** {@code prefix} followed by a digit, as the glob {@code prefix[0-9]*}. */
  private static boolean numbered(String name, String prefix) {
    return name.length() > prefix.length()
        && name.startsWith(prefix)
        && Character.isDigit(name.charAt(prefix.length()));
  }

  private static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }
}
