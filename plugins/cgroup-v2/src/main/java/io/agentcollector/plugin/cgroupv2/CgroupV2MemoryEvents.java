package io.agentcollector.plugin.cgroupv2;

/**
 * {@code memory.events}: hierarchical memory event counts
 * (https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files).
 *
 * @param oomKills {@code oom_kill}, processes the OOM killer ended in this subtree
 */
record CgroupV2MemoryEvents(long oomKills) {

  static final CgroupV2MemoryEvents NONE = new CgroupV2MemoryEvents(0);

  static CgroupV2MemoryEvents parse(String content) {
    return new CgroupV2MemoryEvents(FlatKeyed.parse("memory.events", content).get("oom_kill"));
  }
}
