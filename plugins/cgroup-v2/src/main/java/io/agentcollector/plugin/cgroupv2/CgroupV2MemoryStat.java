package io.agentcollector.plugin.cgroupv2;

/**
 * {@code memory.stat} of a cgroup v2 directory, the keys container stats use, in bytes (counts for
 * the fault keys) (https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files).
 * All keys are hierarchical on v2. Missing keys read 0, except that {@link #hasInactiveFile}
 * tells whether {@code inactive_file} was there (the working set needs to know).
 */
record CgroupV2MemoryStat(
    long anon,
    long file,
    long fileMapped,
    long activeFile,
    long inactiveFile,
    boolean hasInactiveFile,
    long pgfault,
    long pgmajfault) {

  static final CgroupV2MemoryStat NONE = new CgroupV2MemoryStat(0, 0, 0, 0, 0, false, 0, 0);

  static CgroupV2MemoryStat parse(String content) {
    FlatKeyed k = FlatKeyed.parse("memory.stat", content);
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
  long workingSet(long usage) {
    if (!hasInactiveFile) {
      return usage;
    }
    return inactiveFile > usage ? 0 : usage - inactiveFile;
  }
}
