package io.agentcollector.plugin.cgroupv1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real kernel: a cgroup of our own in each v1 hierarchy, limited to half a CPU and 64 MiB, with
 * a busy loop in it. Touches no cgroup it did not create.
 */
class CgroupV1HostTest {

  private static final List<String> CONTROLLERS = List.of("cpu", "cpuacct", "memory", "pids");

  @Test
  void aHalfCpuCgroupBurnsHalfACpuSecondPerSecond() throws Exception {
    Path root = Path.of("/sys/fs/cgroup");
    if (!Files.isWritable(root.resolve("cpu")) || !Files.isDirectory(root.resolve("cpuacct"))) {
      Infra.missing(
          "writable cgroup v1 cpu/cpuacct hierarchies at /sys/fs/cgroup (run as root on a v1 or hybrid host)");
    }
    String name = "agent-collector-test-" + UUID.randomUUID().toString().substring(0, 8);
    Process busy = null;
    try {
      for (String c : CONTROLLERS) {
        Files.createDirectory(root.resolve(c).resolve(name));
      }
      Files.writeString(root.resolve("cpu").resolve(name).resolve("cpu.cfs_quota_us"), "50000");
      Files.writeString(
          root.resolve("memory").resolve(name).resolve("memory.limit_in_bytes"), "67108864");
      busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
      for (String c : CONTROLLERS) {
        Files.writeString(
            root.resolve(c).resolve(name).resolve("cgroup.procs"), Long.toString(busy.pid()));
      }
      CgroupV1StatsReader reader = new CgroupV1StatsReader();
      reader.start(TestContext.forPlugin("cgroup-v1").withHostPaths(HostPaths.defaults()));
      ContainerInfo c = ContainerInfo.running("test", name, name, "", busy.pid(), "/" + name);

      ContainerStats before = reader.read(c).orElseThrow();
      long t0 = System.nanoTime();
      Thread.sleep(3000);
      ContainerStats after = reader.read(c).orElseThrow();
      double seconds = (System.nanoTime() - t0) / 1e9;

      double rate = (after.cpu().usageSeconds() - before.cpu().usageSeconds()) / seconds;
      assertThat(rate)
          .as("CPU seconds per second under a 0.5 CPU quota")
          .isCloseTo(0.5, within(0.05));
      assertThat(after.cpu().quotaMicros()).hasValue(50000);
      assertThat(after.cpu().periodMicros()).isEqualTo(100000);
      assertThat(after.cpu().throttledPeriods()).isGreaterThan(before.cpu().throttledPeriods());
      assertThat(after.memory().limit()).isEqualTo(67108864);
      assertThat(after.pids().processes()).isEqualTo(1);
    } finally {
      if (busy != null) {
        busy.destroyForcibly().waitFor();
      }
      Thread.sleep(100);
      for (String c : CONTROLLERS) {
        Files.deleteIfExists(root.resolve(c).resolve(name));
      }
    }
  }
}
