package io.agentcollector.kernel.cgroup;

import java.util.OptionalLong;

/**
 * {@code memory.events}: hierarchical memory event counts
 * (https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files).
 *
 * @param oomKills {@code oom_kill}, processes the OOM killer ended in this subtree
 * @param high {@code high}, times reclaim was forced because usage crossed memory.high
 * @param max {@code max}, times usage was about to cross memory.max
 */
public record CgroupV2MemoryEvents(long oomKills, OptionalLong high, OptionalLong max) {

  public static final CgroupV2MemoryEvents NONE =
      new CgroupV2MemoryEvents(0, OptionalLong.empty(), OptionalLong.empty());

  public static CgroupV2MemoryEvents parse(String content) {
    FlatKeyed k = FlatKeyed.parse("memory.events", content);
    return new CgroupV2MemoryEvents(k.get("oom_kill"), optional(k, "high"), optional(k, "max"));
  }

  private static OptionalLong optional(FlatKeyed k, String key) {
    return k.has(key) ? OptionalLong.of(k.get(key)) : OptionalLong.empty();
  }
}
