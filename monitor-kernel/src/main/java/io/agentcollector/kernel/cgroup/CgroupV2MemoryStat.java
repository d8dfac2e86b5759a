package io.agentcollector.kernel.cgroup;

/**
 * {@code memory.stat} of a cgroup v2 directory, the keys container stats use, in bytes (counts for
 * the fault keys) (https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files). All
 * keys are hierarchical on v2. Missing keys read 0, except that {@link #hasInactiveFile} tells
 * whether {@code inactive_file} was there (the working set needs to know).
 */
public record CgroupV2MemoryStat(
    long anon,
    long file,
    long fileMapped,
    long activeFile,
    long inactiveFile,
    boolean hasInactiveFile,
    long pgfault,
    long pgmajfault) {

  public static final CgroupV2MemoryStat NONE = new CgroupV2MemoryStat(0, 0, 0, 0, 0, false, 0, 0);

  /** The keys used: memory.stat has 40 to 60 lines, read for every container every cycle. */
  private static final String[] KEYS = {
    "anon", "file", "file_mapped", "active_file", "inactive_file", "pgfault", "pgmajfault"
  };

  public static CgroupV2MemoryStat parse(String content) {
    FlatKeyed k = FlatKeyed.parse("memory.stat", content, KEYS);
    return new CgroupV2MemoryStat(
        k.get("anon"),
        k.get("file"),
        k.get("file_mapped"),
        k.get("active_file"),
        k.get("inactive_file"),
        k.has("inactive_file"),
        k.get("pgfault"),
        k.get("pgmajfault"));
  }

  /**
   * cAdvisor's working set, exactly: usage minus inactive file pages, floored at 0; usage itself
   * when the key is missing. Nothing else (active file, swap, kernel) is involved.
   */
  public long workingSet(long usage) {
    if (!hasInactiveFile) {
      return usage;
    }
    return inactiveFile > usage ? 0 : usage - inactiveFile;
  }
}
