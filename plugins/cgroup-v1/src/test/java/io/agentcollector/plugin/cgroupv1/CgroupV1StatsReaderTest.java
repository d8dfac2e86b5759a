package io.agentcollector.plugin.cgroupv1;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader.Activity;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on testdata/fixtures: a real v1 capture (build host, kernel 6.18, cpu and cpuacct
 * mounted apart) of a cgroup with a 64 MiB limit, a 0.5-CPU quota, 512 shares and pids.max 100
 * running a busy loop for 2 s, laid out as Docker's cgroupfs driver does.
 */
class CgroupV1StatsReaderTest {

  static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static ContainerStats read(long pid, String cgroupPath) throws Exception {
    CgroupV1StatsReader reader = new CgroupV1StatsReader();
    reader.start(TestContext.forPlugin("cgroup-v1"));
    assertThat(reader.active()).isTrue();
    return reader
        .read(ContainerInfo.running("docker", ID, "busy", "local/busybox:test", pid, cgroupPath))
        .orElseThrow();
  }

  @Test
  void readsTheCapturedCgroupByItsPath() throws Exception {
    ContainerStats s = read(0, "/docker/" + ID);
    // Captured with cat one file after the other while the loop ran: cpuacct.usage (1169198052)
    // was read before usage_percpu. The total is the per-CPU sum, read at once, so they agree.
    assertThat(s.cpu().usageSeconds()).isEqualTo(1.217226107);
    assertThat(s.cpu().userSeconds()).isEqualTo(1.16);
    assertThat(s.cpu().systemSeconds()).isZero();
    assertThat(s.cpu().perCpuSeconds()).containsExactly(0.0, 1.217226107);
    assertThat(s.cpu().quotaMicros()).hasValue(50000);
    assertThat(s.cpu().periodMicros()).isEqualTo(100000);
    assertThat(s.cpu().shares()).isEqualTo(512);
    assertThat(s.cpu().periods()).isEqualTo(22);
    assertThat(s.cpu().throttledPeriods()).isEqualTo(21);
    assertThat(s.cpu().throttledSeconds()).isEqualTo(1.047852419);
    assertThat(s.memory().limit()).isEqualTo(67108864);
    assertThat(s.memory().swapLimit()).as("unlimited memsw reads 0, as cAdvisor").isZero();
    assertThat(s.memory().reservation()).as("unlimited soft limit").isZero();
    assertThat(s.memory().rss()).isEqualTo(106496);
    assertThat(s.memory().cache()).isEqualTo(20480);
    assertThat(s.memory().workingSet()).isEqualTo(s.memory().usage() - s.memory().inactiveFile());
    assertThat(s.pids().threadsMax()).isEqualTo(100);
    assertThat(s.pids().threads()).isEqualTo(1);
    assertThat(s.pids().processes()).isEqualTo(1);
    assertThat(s.blockIo()).as("the busy loop did no I/O").isEmpty();
  }

  @Test
  void readsTheSameCgroupThroughTheProcessesProcCgroup() throws Exception {
    assertThat(read(4242, "")).isEqualTo(read(0, "/docker/" + ID));
  }

  @Test
  void aContainerWithoutCgroupHasNoStats() throws Exception {
    CgroupV1StatsReader reader = new CgroupV1StatsReader();
    reader.start(TestContext.forPlugin("cgroup-v1"));
    assertThat(reader.read(ContainerInfo.running("docker", "gone", "", "", 0, "/docker/gone")))
        .isEmpty();
  }

  @Test
  void withoutUsagePercpuTheTotalComesFromCpuacctUsage(@TempDir Path tmp) throws Exception {
    copyFixtures(tmp);
    Files.delete(dir(tmp, "cpuacct").resolve("cpuacct.usage_percpu"));
    ContainerStats s = readCopy(tmp);
    assertThat(s.cpu().usageSeconds()).isEqualTo(1.169198052);
    assertThat(s.cpu().perCpuSeconds()).isEmpty();
  }

  @Test
  void activityIsTheCpuUsageCounterAndTheReadThatFollowsUsesIt(@TempDir Path tmp) throws Exception {
    copyFixtures(tmp);
    CgroupV1StatsReader reader = startedOn(tmp);
    ContainerInfo c =
        ContainerInfo.running("docker", ID, "busy", "local/busybox:test", 0, "/docker/" + ID);
    Path percpu = dir(tmp, "cpuacct").resolve("cpuacct.usage_percpu");
    Activity seen = reader.activity(c).orElseThrow();
    assertThat(seen).isEqualTo(new CgroupV1StatsReader.CpuUsage(Files.readString(percpu), true));
    // The task runs between the two calls: read() with the token reports what activity() saw, so
    // the collector never keeps a reading newer than the activity it compares against.
    Files.writeString(percpu, "0 2217226107 \n");
    assertThat(reader.read(c, seen).orElseThrow().cpu().usageSeconds()).isEqualTo(1.217226107);
    assertThat(reader.read(c).orElseThrow().cpu().usageSeconds())
        .as("no token")
        .isEqualTo(2.217226107);
    assertThat(reader.activity(c))
        .as("a new token, unlike the kept one")
        .hasValue(new CgroupV1StatsReader.CpuUsage("0 2217226107 \n", true))
        .isNotEqualTo(Optional.of(seen));

    Files.delete(percpu);
    Files.writeString(dir(tmp, "cpuacct").resolve("cpuacct.usage"), "3000000000\n");
    Activity total = reader.activity(c).orElseThrow();
    assertThat(total).isEqualTo(new CgroupV1StatsReader.CpuUsage("3000000000\n", false));
    // An old per-CPU token is never reused once the file is gone: only the token handed in counts.
    assertThat(reader.read(c, total).orElseThrow().cpu().usageSeconds()).isEqualTo(3.0);
    ContainerInfo gone = ContainerInfo.running("docker", "gone", "x", "i", 0, "/docker/gone");
    assertThat(reader.activity(gone)).isEmpty();
  }

  /** A writable copy of the fixture tree. */
  private static Path copyFixtures(Path tmp) throws Exception {
    Path root = Fixtures.root();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path to = tmp.resolve(root.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else if (!Files.isSymbolicLink(p)) {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return tmp;
  }

  @Test
  void limitsAreReReadWhenTheRuntimeDescribesTheContainerAnew(@TempDir Path tmp) throws Exception {
    // The test changes the memory limit as docker update does.
    copyFixtures(tmp);
    CgroupV1StatsReader reader = startedOn(tmp);
    ContainerInfo before =
        ContainerInfo.running("docker", ID, "busy", "local/busybox:test", 0, "/docker/" + ID);
    assertThat(reader.read(before).orElseThrow().memory().limit()).isEqualTo(67108864);

    Files.writeString(dir(tmp, "memory").resolve("memory.limit_in_bytes"), "134217728\n");
    assertThat(reader.read(before).orElseThrow().memory().limit())
        .as("the same description: limits kept from the last read (at most 30 s)")
        .isEqualTo(67108864);
    ContainerInfo after =
        ContainerInfo.running("docker", ID, "busy", "local/busybox:test", 0, "/docker/" + ID);
    assertThat(reader.read(after).orElseThrow().memory().limit())
        .as("re-inspected after docker's update event: read again")
        .isEqualTo(134217728);
  }

  /** A reader on the tree under {@code tmp} (a copy of the fixtures). */
  private static CgroupV1StatsReader startedOn(Path tmp) throws Exception {
    CgroupV1StatsReader reader = new CgroupV1StatsReader();
    reader.start(
        TestContext.forPlugin("cgroup-v1")
            .withHostPaths(
                new HostPaths(
                    tmp.resolve("proc"),
                    tmp.resolve("sys"),
                    tmp.resolve("rootfs"),
                    tmp.resolve("sys/fs/cgroup"))));
    return reader;
  }

  /** The fixture container's directory of one controller under {@code tmp}. */
  private static Path dir(Path tmp, String controller) {
    return tmp.resolve("sys/fs/cgroup/" + controller + "/docker/" + ID);
  }

  private static ContainerStats readCopy(Path tmp) throws Exception {
    return startedOn(tmp)
        .read(ContainerInfo.running("docker", ID, "busy", "local/busybox:test", 0, "/docker/" + ID))
        .orElseThrow();
  }

  @Test
  void processesAreCountedInCgroupProcsWhenTheContainerHasMoreThanOneTask(@TempDir Path tmp)
      throws Exception {
    copyFixtures(tmp);
    Files.writeString(dir(tmp, "pids").resolve("pids.current"), "5\n");
    Files.writeString(dir(tmp, "cpu").resolve("cgroup.procs"), "4242\n4250\n4251\n");
    ContainerStats s = readCopy(tmp);
    assertThat(s.pids().threads()).isEqualTo(5);
    assertThat(s.pids().processes()).isEqualTo(3);

    // One task is one process: cgroup.procs is not read then (this one disagrees on purpose).
    Files.writeString(dir(tmp, "pids").resolve("pids.current"), "1\n");
    assertThat(readCopy(tmp).pids().processes()).isEqualTo(1);
    Files.writeString(dir(tmp, "pids").resolve("pids.current"), "0\n");
    assertThat(readCopy(tmp).pids().processes()).isZero();
  }

  @Test
  void withoutQuotaThrottlingIsNotRead(@TempDir Path tmp) throws Exception {
    copyFixtures(tmp);
    Files.writeString(dir(tmp, "cpu").resolve("cpu.cfs_quota_us"), "-1\n");
    Files.writeString(dir(tmp, "cpu").resolve("cpu.stat"), "garbage that would fail\n");
    ContainerStats s = readCopy(tmp);
    assertThat(s.cpu().quotaMicros()).isEmpty();
    assertThat(s.cpu().periods()).isZero();
    assertThat(s.cpu().usageSeconds()).isEqualTo(1.217226107);
  }

  @Test
  void blockIoPairsBytesWithOperationsPerDevice(@TempDir Path tmp) throws Exception {
    copyFixtures(tmp);
    Path blkio = dir(tmp, "blkio");
    Files.writeString(
        blkio.resolve("blkio.throttle.io_service_bytes_recursive"),
        "254:0 Read 4096\n254:0 Write 8388608\n254:0 Total 8392704\n8:0 Read 0\n8:0 Write 0\nTotal 8392704\n");
    Files.writeString(
        blkio.resolve("blkio.throttle.io_serviced_recursive"),
        "254:0 Read 1\n254:0 Write 64\n254:0 Total 65\n8:0 Read 0\n8:0 Write 0\nTotal 65\n");
    assertThat(readCopy(tmp).blockIo())
        .as("devices without any I/O are left out")
        .containsExactly(new ContainerStats.BlockDevice(254, 0, 4096, 8388608, 1, 64));

    Files.writeString(blkio.resolve("blkio.throttle.io_service_bytes_recursive"), "Total 0\n");
    Files.writeString(
        blkio.resolve("blkio.throttle.io_serviced_recursive"), "garbage that would fail\n");
    assertThat(readCopy(tmp).blockIo()).as("no device: io_serviced is not read").isEmpty();
  }
}
