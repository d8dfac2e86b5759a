package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/** The cgroup v1 files: a real container's files from the kubelet fixture, inline variants. */
class CgroupV1ParsersTest {

  private static final String CONTAINER = "cgroup/v1/kubelet-cgroupfs/sys/fs/cgroup/";
  private static final String POD =
      "kubepods/burstable/pod7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21/"
          + "f0d64011ff21798ac98339dab250c8dc7bd8c3e3f91e40d5f4470a72a3b764b1/";

  @Test
  void memoryStatPrefersTheHierarchicalTotals() {
    CgroupV1MemoryStat s =
        CgroupV1MemoryStat.parse(
            """
            cache 100
            rss 200
            mapped_file 30
            swap 7
            pgfault 11
            pgmajfault 2
            total_cache 1000
            total_rss 2000
            total_mapped_file 300
            total_active_file 400
            total_inactive_file 500
            some_future_key 1
            """);
    assertThat(s).isEqualTo(new CgroupV1MemoryStat(2000, 1000, 7, 300, 11, 2, 400, 500, true));
    assertThat(s.workingSet(4000)).isEqualTo(3500);
    assertThat(s.workingSet(400)).as("floored at 0").isZero();
    assertThat(CgroupV1MemoryStat.parse("rss 5\n").workingSet(4000))
        .as("no total_inactive_file")
        .isEqualTo(4000);
  }

  @Test
  void cpuacctFilesInSeconds() throws Exception {
    CgroupV1CpuacctUsagePercpu p = CgroupV1CpuacctUsagePercpu.parse("1500000000 500000000 0 \n");
    assertThat(p.perCpuSeconds()).containsExactly(1.5, 0.5, 0.0);
    assertThat(p.usageSeconds()).isEqualTo(2.0);
    assertThat(CgroupV1CpuacctUsagePercpu.parse("").perCpuSeconds()).isEmpty();
    assertThat(CgroupV1CpuacctStat.parse("user 250\nsystem 50\n"))
        .as("USER_HZ ticks")
        .isEqualTo(new CgroupV1CpuacctStat(2.5, 0.5));
    assertThatThrownBy(() -> CgroupV1CpuacctUsagePercpu.parse("1 x 3\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cpuacct.usage_percpu line 1: not a number: \"x\"");
    assertThatThrownBy(() -> CgroupV1CpuacctUsagePercpu.parse("1 2\n3\n"))
        .hasMessageContaining("line 2");
  }

  @Test
  void cpuStatThrottling() {
    assertThat(CgroupV1CpuStat.parse("nr_periods 22\nnr_throttled 21\nthrottled_time 1500000000\n"))
        .isEqualTo(new CgroupV1CpuStat(22, 21, 1.5));
    assertThat(
            CgroupV1MemoryOomControl.parse("oom_kill_disable 0\nunder_oom 0\noom_kill 3\n")
                .oomKills())
        .isEqualTo(3);
    assertThat(CgroupV1MemoryOomControl.parse("oom_kill_disable 0\nunder_oom 0\n").oomKills())
        .as("before 4.13")
        .isZero();
  }

  @Test
  void blkioKeepsReadAndWritePerDevice() {
    CgroupV1BlkioThrottle b =
        CgroupV1BlkioThrottle.parse(
            "blkio.throttle.io_service_bytes",
            """
            254:0 Read 4096
            254:0 Write 8388608
            254:0 Sync 8392704
            254:0 Async 0
            254:0 Discard 0
            254:0 Total 8392704
            Total 8392704
            """);
    assertThat(b.readWriteByDevice().get("254:0")).containsExactly(4096, 8388608);
    assertThat(CgroupV1BlkioThrottle.parse("x", "Total 0\n").readWriteByDevice()).isEmpty();
    assertThatThrownBy(() -> CgroupV1BlkioThrottle.parse("x", "254:0 Read\n"))
        .hasMessageContaining("line 1");
    // The reader makes two ints of MAJ:MIN; a device that is no MAJ:MIN is refused with its line.
    assertThatThrownBy(() -> CgroupV1BlkioThrottle.parse("x", "8:0 Read 1\nsda: Read 5\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x line 2: expected \"MAJ:MIN Op value\", got \"sda: Read 5\"");
  }

  @Test
  void aKubeletContainersFiles() throws Exception {
    String memory = CONTAINER + "memory/" + POD;
    CgroupV1MemoryStat stat =
        CgroupV1MemoryStat.parse(KernelFiles.read(Fixtures.path(memory + "memory.stat")));
    assertThat(stat).isEqualTo(new CgroupV1MemoryStat(106496, 20480, 0, 0, 80, 0, 20480, 0, true));
    String cpuacct = CONTAINER + "cpuacct/" + POD;
    assertThat(CgroupV1CpuacctStat.parse(KernelFiles.read(Fixtures.path(cpuacct + "cpuacct.stat"))))
        .isEqualTo(new CgroupV1CpuacctStat(1.16, 0));
    CgroupV1CpuacctUsagePercpu percpu =
        CgroupV1CpuacctUsagePercpu.parse(
            KernelFiles.read(Fixtures.path(cpuacct + "cpuacct.usage_percpu")));
    assertThat(percpu.perCpuSeconds()).containsExactly(0.0, 1.217226107);
    assertThat(percpu.usageSeconds()).isEqualTo(1.217226107);
  }
}
