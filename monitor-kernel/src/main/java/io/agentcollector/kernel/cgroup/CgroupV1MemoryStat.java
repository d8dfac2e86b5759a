package io.agentcollector.kernel.cgroup;

/**
 * {@code memory.stat} of a cgroup v1 memory directory, the keys container stats use, in bytes
 * (counts for the fault keys) (https://docs.kernel.org/admin-guide/cgroup-v1/memory.html, 5.2). The
 * {@code total_} keys sum the whole subtree and exist when {@code use_hierarchy} is 1, the normal
 * case; the plain keys count this cgroup only. Each value below is the {@code total_} one when the
 * file has it, else the plain one. Missing keys read 0.
 *
 * @param totalInactiveFile {@code total_inactive_file} only, whatever use_hierarchy says (as
 *     cAdvisor reads it)
 * @param hasTotalInactiveFile whether the file had it: the working set needs to know
 */
public record CgroupV1MemoryStat(
    long rss,
    long cache,
    long swap,
    long mappedFile,
    long pgfault,
    long pgmajfault,
    long totalActiveFile,
    long totalInactiveFile,
    boolean hasTotalInactiveFile) {

  /** The keys used: memory.stat has about 40 lines, read for every container every cycle. */
  private static final String[] KEYS = {
    "total_inactive_file", "total_active_file", "total_rss", "rss", "total_cache", "cache",
    "total_swap", "swap", "total_mapped_file", "mapped_file", "pgfault", "pgmajfault"
  };

  public static CgroupV1MemoryStat parse(String content) {
    FlatKeyed k = FlatKeyed.parse("memory.stat", content, KEYS);
    return new CgroupV1MemoryStat(
        total(k, "rss"),
        total(k, "cache"),
        total(k, "swap"),
        total(k, "mapped_file"),
        k.get("pgfault"),
        k.get("pgmajfault"),
        k.get("total_active_file"),
        k.get("total_inactive_file"),
        k.has("total_inactive_file"));
  }

  private static long total(FlatKeyed k, String key) {
    return k.has("total_" + key) ? k.get("total_" + key) : k.get(key);
  }

  /**
   * cAdvisor's working set: usage minus {@code total_inactive_file}, floored at 0; usage itself
   * when the key is missing.
   */
  public long workingSet(long usage) {
    return hasTotalInactiveFile ? Math.max(0, usage - totalInactiveFile) : usage;
  }
}
