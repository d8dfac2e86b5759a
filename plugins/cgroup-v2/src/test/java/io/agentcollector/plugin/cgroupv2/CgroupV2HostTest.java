package io.agentcollector.plugin.cgroupv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.kernel.cgroup.CgroupV2CpuStat;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real kernel's cgroup v2 files. The build host is hybrid: cgroup2 sits at
 * /sys/fs/cgroup/unified, so the test reads it through host paths whose cgroup root is that mount.
 * It creates a cgroup of its own there, puts a busy loop in it for about a second, and removes it
 * again; it touches no other cgroup.
 */
class CgroupV2HostTest {

  private static final Path UNIFIED = Path.of("/sys/fs/cgroup/unified");

  @Test
  void aBusyLoopShowsUpInCpuStat() throws Exception {
    if (!Files.isRegularFile(UNIFIED.resolve("cgroup.procs")) || !Files.isWritable(UNIFIED)) {
      Infra.missing("a writable cgroup2 mount at " + UNIFIED + " (run as root on a hybrid host)");
    }
    HostPaths paths = new HostPaths(Path.of("/proc"), Path.of("/sys"), Path.of("/"), UNIFIED);
    String name = "agent-collector-test-" + UUID.randomUUID().toString().substring(0, 8);
    Path cgroup = paths.cgroup().resolve(name);
    Process busy = null;
    Files.createDirectory(cgroup);
    try {
      busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
      long t0 = System.nanoTime();
      Files.writeString(cgroup.resolve("cgroup.procs"), Long.toString(busy.pid()));
      Thread.sleep(1000);
      CgroupV2CpuStat stat = cpuStat(cgroup);
      // Idle, the loop gets most of a CPU in that second; other builds on the 2 CPUs may slow it
      // down, so give it up to 10 s to reach half a CPU second.
      while (stat.usageSeconds() <= 0.5 && System.nanoTime() - t0 < 10_000_000_000L) {
        Thread.sleep(100);
        stat = cpuStat(cgroup);
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;

      // Microseconds read as seconds: a single-threaded loop can never exceed wall time.
      assertThat(stat.usageSeconds()).isGreaterThan(0.5).isLessThanOrEqualTo(elapsed + 0.05);
      assertThat(stat.userSeconds() + stat.systemSeconds())
          .isCloseTo(stat.usageSeconds(), within(0.05));

      // The whole reader on the same cgroup, found through /proc/<pid>/cgroup's 0:: line.
      CgroupV2StatsReader reader = new CgroupV2StatsReader();
      reader.start(TestContext.forPlugin("cgroup-v2").withHostPaths(paths));
      assertThat(reader.active()).as("hybrid host: cgroup2 is not at the cgroup root").isFalse();
      ContainerStats s =
          reader.read(ContainerInfo.running("test", name, name, "", busy.pid(), "")).orElseThrow();
      assertThat(s.cpu().usageSeconds()).isGreaterThanOrEqualTo(stat.usageSeconds());
      assertThat(s.cpu().quotaMicros()).as("no cpu controller here").isEmpty();
      assertThat(s.pids().processes()).isEqualTo(1);
      assertThat(s.memory().limit()).isZero();
    } finally {
      if (busy != null) {
        busy.destroyForcibly().waitFor();
      }
      removeWhenEmpty(cgroup);
    }
  }

  private static CgroupV2CpuStat cpuStat(Path cgroup) throws IOException {
    return CgroupV2CpuStat.parse(Files.readString(cgroup.resolve("cpu.stat")));
  }

  /** rmdir fails with EBUSY until the killed process has left the cgroup. */
  private static void removeWhenEmpty(Path cgroup) throws IOException, InterruptedException {
    for (int i = 0; ; i++) {
      try {
        Files.deleteIfExists(cgroup);
        return;
      } catch (IOException e) {
        if (i == 50) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }
}
