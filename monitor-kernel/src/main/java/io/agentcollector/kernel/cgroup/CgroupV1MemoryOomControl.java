package io.agentcollector.kernel.cgroup;

/**
 * {@code memory.oom_control}: {@code oom_kill_disable}, {@code under_oom} and, since kernel 4.13,
 * {@code oom_kill} (https://docs.kernel.org/admin-guide/cgroup-v1/memory.html, 10).
 *
 * @param oomKills {@code oom_kill}, processes the OOM killer ended in this cgroup; 0 before 4.13
 */
public record CgroupV1MemoryOomControl(long oomKills) {

  public static CgroupV1MemoryOomControl parse(String content) {
    return new CgroupV1MemoryOomControl(
        FlatKeyed.parse("memory.oom_control", content).get("oom_kill"));
  }
}
