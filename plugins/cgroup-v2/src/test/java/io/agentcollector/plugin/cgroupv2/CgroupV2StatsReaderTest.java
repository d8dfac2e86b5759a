package io.agentcollector.plugin.cgroupv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStats.BlockDevice;
import io.agentcollector.api.container.ContainerStats.Cpu;
import io.agentcollector.api.container.ContainerStats.Extra;
import io.agentcollector.api.container.ContainerStats.Memory;
import io.agentcollector.api.container.ContainerStats.Pids;
import io.agentcollector.api.container.ContainerStats.Pressure;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.PluginDefaults;
import io.agentcollector.testkit.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on hand-made pure v2 trees under testdata/fixtures/cgroup/v2/ (see the README there):
 * one per cgroup layout, each read by pid and by the runtime's cgroup path.
 */
class CgroupV2StatsReaderTest {

  static final String DOCKER_ID =
      "6b32781f3ad9b0c116f0cedeb1df039db1a217b382d7ebdda797d813c5d5bc16";
  static final String SYSTEMD_ID =
      "e1ee271cc3d6fa0c9565328a9aa959bdfbbd4c81672831bbe0b2e5008911049a";
  static final String K8S_ID = "f0d64011ff21798ac98339dab250c8dc7bd8c3e3f91e40d5f4470a72a3b764b1";
  static final String POD_SLICE =
      "kubepods-burstable-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice";

  @Test
  void dockerCgroupfsDriver() throws Exception {
    CgroupV2StatsReader reader = started("cgroup/v2/docker-cgroupfs");
    assertThat(reader.active()).isTrue();
    ContainerStats byPid =
        reader
            .read(ContainerInfo.running("docker", DOCKER_ID, "web", "nginx:1.27", 48211, ""))
            .orElseThrow();
    ContainerStats expected =
        new ContainerStats(
            // cpu.max "50000 100000", cpu.weight 100 -> 2 + 99 * 262142 / 9999 = 2597
            new Cpu(
                4.821337,
                List.of(),
                3.104552,
                1.716785,
                9120,
                431,
                27.554108,
                OptionalLong.of(50000),
                100000,
                2597),
            new Memory(
                23887872, // memory.current
                18644992, // minus inactive_file 5242880
                14680064, // anon
                8388608, // file
                1048576, // memory.swap.current
                2097152, // file_mapped
                0, 0, // kernel, failcnt: none on v2
                31457280, // memory.peak
                67108864, // memory.max
                33554432, // memory.swap.max
                0, // memory.min
                48213, 17, // pgfault, pgmajfault
                3145728, 5242880, // active_file, inactive_file
                1), // memory.events oom_kill
            List.of(new BlockDevice(254, 0, 4812800, 1228800, 310, 57)),
            new Pids(3, 7, 100),
            // nr_bursts/burst_usec 0, memory.events high 0 max 12; this kernel was booted without
            // PSI
            new Extra(
                OptionalLong.of(0),
                OptionalDouble.of(0),
                OptionalLong.of(0),
                OptionalLong.of(12),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(byPid).isEqualTo(expected);
    assertThat(
            reader.read(
                ContainerInfo.running(
                    "docker", DOCKER_ID, "web", "nginx:1.27", 0, "/docker/" + DOCKER_ID)))
        .contains(expected);
    Golden.assertMatches(byPid.toString() + "\n", Path.of("src/test/golden/docker-cgroupfs.txt"));
  }

  @Test
  void dockerSystemdDriverWithoutLimitsOnAnOlderKernel() throws Exception {
    CgroupV2StatsReader reader = started("cgroup/v2/docker-systemd");
    assertThat(reader.active()).isTrue();
    ContainerStats byPid =
        reader
            .read(ContainerInfo.running("docker", SYSTEMD_ID, "api", "api:2", 3712, ""))
            .orElseThrow();
    ContainerStats expected =
        new ContainerStats(
            // cpu.max "max 100000": no quota; cpu.weight 39 (runc <= 1.3 from 1024 shares) -> 998
            new Cpu(
                918.273645,
                List.of(),
                701.234567,
                217.039078,
                0,
                0,
                0,
                OptionalLong.empty(),
                100000,
                998),
            new Memory(
                734003200, 576716800, // 734003200 - 157286400
                503316480, 224395264, 0, 47185920, 0, 0, 0, // no memory.peak before 5.19
                0, 0, // memory.max and memory.swap.max "max"
                0, 1893021, 4410, 67043328, 157286400, 2),
            List.of(
                new BlockDevice(8, 0, 120586240, 33554432, 2941, 812),
                new BlockDevice(8, 16, 4096, 917504, 1, 224)),
            new Pids(1, 23, 0), // pids.max "max"
            new Extra(
                OptionalLong.of(0),
                OptionalDouble.of(0),
                OptionalLong.of(0),
                OptionalLong.of(0),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(byPid).isEqualTo(expected);
    String dockerPluginPath = "/system.slice/docker-" + SYSTEMD_ID + ".scope";
    assertThat(
            reader.read(
                ContainerInfo.running("docker", SYSTEMD_ID, "api", "api:2", 0, dockerPluginPath)))
        .contains(expected);
    assertThat(
            reader.read(
                ContainerInfo.running(
                    "docker", SYSTEMD_ID, "api", "api:2", 0, "system.slice:docker:" + SYSTEMD_ID)))
        .as("runc's systemd cgroupsPath form")
        .contains(expected);
    Golden.assertMatches(byPid.toString() + "\n", Path.of("src/test/golden/docker-systemd.txt"));
  }

  @Test
  void kubeletSystemdDriverWithContainerd() throws Exception {
    CgroupV2StatsReader reader = started("cgroup/v2/kubelet-systemd");
    assertThat(reader.active()).isTrue();
    ContainerStats byPid =
        reader
            .read(ContainerInfo.running("containerd", K8S_ID, K8S_ID, "app:1", 91544, ""))
            .orElseThrow();
    ContainerStats expected =
        new ContainerStats(
            // cpu.max "25000 100000"; cpu.weight 10 -> 2 + 9 * 262142 / 9999 = 237
            new Cpu(
                65.432198,
                List.of(),
                51.234001,
                14.198197,
                48711,
                2904,
                188.340521,
                OptionalLong.of(25000),
                100000,
                237),
            new Memory(
                150994944, 109051904, // 150994944 - 41943040
                96468992, 52428800, 0, 12582912, 0, 0, 201326592, 268435456,
                0, // memory.swap.max "0": kubelet allows no swap
                134217728, // memory.min (MemoryQoS)
                310442, 96, 10485760, 41943040, 0),
            List.of(new BlockDevice(259, 0, 73400320, 5242880, 1877, 342)),
            new Pids(2, 31, 4096),
            new Extra(
                OptionalLong.of(17),
                OptionalDouble.of(0.412),
                OptionalLong.of(26),
                OptionalLong.of(3),
                Optional.of(
                    new Pressure(3.911524, 1.277342)), // cpu.pressure some/full total, usec -> s
                Optional.of(new Pressure(0.048213, 0.030175)),
                Optional.of(new Pressure(0.702911, 0.65504))));
    assertThat(byPid).isEqualTo(expected);
    assertThat(
            reader.read(
                ContainerInfo.running(
                    "containerd",
                    K8S_ID,
                    K8S_ID,
                    "app:1",
                    0,
                    "/kubepods.slice/kubepods-burstable.slice/"
                        + POD_SLICE
                        + "/cri-containerd-"
                        + K8S_ID
                        + ".scope")))
        .contains(expected);
    assertThat(
            reader.read(
                ContainerInfo.running(
                    "containerd",
                    K8S_ID,
                    K8S_ID,
                    "app:1",
                    0,
                    POD_SLICE + ":cri-containerd:" + K8S_ID)))
        .as("the CRI plugin's cgroupsPath, slice not yet expanded")
        .contains(expected);
    Golden.assertMatches(byPid.toString() + "\n", Path.of("src/test/golden/kubelet-systemd.txt"));
  }

  @Test
  void aMissingCgroupIsEmpty() throws Exception {
    CgroupV2StatsReader reader = started("cgroup/v2/docker-cgroupfs");
    assertThat(
            reader.read(
                ContainerInfo.running("docker", "gone", "", "", 0, "/docker/" + "0".repeat(64))))
        .isEmpty();
    assertThat(reader.read(ContainerInfo.running("docker", "gone", "", "", 0, ""))).isEmpty();
    // A pid without /proc/<pid>/cgroup (exited) falls back to the runtime's path.
    assertThat(
            reader.read(
                ContainerInfo.running("docker", DOCKER_ID, "", "", 99999, "/docker/" + DOCKER_ID)))
        .isPresent();
    assertThat(reader.read(ContainerInfo.running("docker", "gone", "", "", 99999, ""))).isEmpty();
  }

  @Test
  void hybridHostIsNotOurs() throws Exception {
    // Real mountinfo of the build machine: v1 controllers, cgroup2 (hugetlb only) at unified/.
    assertThat(started("edge/cgroup-v2-hybrid").active()).isFalse();
  }

  @Test
  void cgroup2AtTheRootWithoutControllersIsNotOurs(@TempDir Path root) throws Exception {
    write(
        root,
        "proc/self/mountinfo",
        "30 21 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate\n");
    write(root, "sys/fs/cgroup/cgroup.controllers", "\n");
    assertThat(start(HostPaths.under(root)).active()).isFalse();
    write(root, "sys/fs/cgroup/cgroup.controllers", "cpu io memory pids\n");
    assertThat(start(HostPaths.under(root)).active()).isTrue();
  }

  @Test
  void noMountinfoIsInactive(@TempDir Path root) throws Exception {
    assertThat(start(HostPaths.under(root)).active()).isFalse();
  }

  @Test
  void mountPointsAreMappedUnderTheConfiguredCgroupRoot(@TempDir Path root) throws Exception {
    // The agent in a container: host /sys/fs/cgroup mounted at <root>/host/cgroup.
    write(root, "proc/1/mountinfo", "30 21 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
    write(root, "host/cgroup/cgroup.controllers", "cpu memory\n");
    write(root, "host/cgroup/docker/abc/cpu.stat", "usage_usec 2000000\n");
    write(root, "host/cgroup/docker/abc/cgroup.procs", "");
    HostPaths paths =
        new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("host/cgroup"));
    CgroupV2StatsReader reader = start(paths);
    assertThat(reader.active()).isTrue();
    assertThat(
            reader
                .read(ContainerInfo.running("docker", "abc", "", "", 0, "/docker/abc"))
                .orElseThrow()
                .cpu()
                .usageSeconds())
        .isEqualTo(2.0);
  }

  @Test
  void aCgroupWithoutControllersReadsZerosNotErrors(@TempDir Path root) throws Exception {
    pureV2Host(root, "cpu memory");
    write(
        root,
        "sys/fs/cgroup/bare/cpu.stat",
        "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\nnice_usec 0\n");
    write(root, "sys/fs/cgroup/bare/cgroup.procs", "10\n11\n");
    ContainerStats s =
        start(HostPaths.under(root))
            .read(ContainerInfo.running("x", "bare", "", "", 0, "/bare"))
            .orElseThrow();
    assertThat(s)
        .isEqualTo(
            new ContainerStats(
                new Cpu(1.5, List.of(), 1.0, 0.5, 0, 0, 0, OptionalLong.empty(), 0, 0),
                new Memory(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                List.of(),
                new Pids(
                    2, 2, 0))); // no pids controller: threads = cgroup.procs lines, as cAdvisor
  }

  @Test
  void hugeLimitsAreUnlimited(@TempDir Path root) throws Exception {
    pureV2Host(root, "memory");
    write(root, "sys/fs/cgroup/c/cpu.stat", "usage_usec 1\n");
    write(root, "sys/fs/cgroup/c/cgroup.procs", "");
    write(root, "sys/fs/cgroup/c/memory.max", "9223372036854771712\n");
    write(root, "sys/fs/cgroup/c/memory.min", "4611686018427387905\n");
    write(root, "sys/fs/cgroup/c/memory.swap.max", "max\n");
    Memory m =
        start(HostPaths.under(root))
            .read(ContainerInfo.running("x", "c", "", "", 0, "/c"))
            .orElseThrow()
            .memory();
    assertThat(List.of(m.limit(), m.reservation(), m.swapLimit())).containsOnly(0L);
  }

  @Test
  void malformedContentNamesTheFile(@TempDir Path root) throws Exception {
    pureV2Host(root, "memory");
    write(root, "sys/fs/cgroup/c/cpu.stat", "usage_usec 1\n");
    write(root, "sys/fs/cgroup/c/cgroup.procs", "");
    write(root, "sys/fs/cgroup/c/memory.current", "lots\n");
    CgroupV2StatsReader reader = start(HostPaths.under(root));
    assertThatThrownBy(() -> reader.read(ContainerInfo.running("x", "c", "", "", 0, "/c")))
        .hasMessageContaining(root.resolve("sys/fs/cgroup/c").toString())
        .hasMessageContaining("memory.current")
        .hasMessageContaining("line 1")
        .hasMessageContaining("\"lots\"");
  }

  @Test
  void processesAreCountedInCgroupProcsWhenTheContainerHasMoreThanOneTask(@TempDir Path root)
      throws Exception {
    pureV2Host(root, "cpu pids");
    write(root, "sys/fs/cgroup/c/cpu.stat", "usage_usec 1\n");
    write(root, "sys/fs/cgroup/c/cgroup.procs", "10\n11\n12\n");
    write(root, "sys/fs/cgroup/c/pids.current", "7\n");
    write(root, "sys/fs/cgroup/c/pids.max", "max\n");
    CgroupV2StatsReader reader = start(HostPaths.under(root));
    ContainerInfo c = ContainerInfo.running("x", "c", "", "", 0, "/c");
    assertThat(reader.read(c).orElseThrow().pids()).isEqualTo(new Pids(3, 7, 0));
    // One task is one process: cgroup.procs is not read then (this one disagrees on purpose).
    write(root, "sys/fs/cgroup/c/pids.current", "1\n");
    assertThat(reader.read(c).orElseThrow().pids()).isEqualTo(new Pids(1, 1, 0));
    write(root, "sys/fs/cgroup/c/pids.current", "0\n");
    assertThat(reader.read(c).orElseThrow().pids()).isEqualTo(new Pids(0, 0, 0));
  }

  @Test
  void limitsAreReReadWhenTheRuntimeDescribesTheContainerAnew(@TempDir Path root) throws Exception {
    pureV2Host(root, "cpu memory");
    write(root, "sys/fs/cgroup/c/cpu.stat", "usage_usec 1\n");
    write(root, "sys/fs/cgroup/c/cgroup.procs", "");
    write(root, "sys/fs/cgroup/c/cpu.max", "50000 100000\n");
    write(root, "sys/fs/cgroup/c/memory.max", "67108864\n");
    CgroupV2StatsReader reader = start(HostPaths.under(root));
    ContainerInfo before = ContainerInfo.running("x", "c", "", "", 0, "/c");
    assertThat(reader.read(before).orElseThrow().memory().limit()).isEqualTo(67108864);

    // As docker update does.
    write(root, "sys/fs/cgroup/c/cpu.max", "max 100000\n");
    write(root, "sys/fs/cgroup/c/memory.max", "134217728\n");
    ContainerStats kept = reader.read(before).orElseThrow();
    assertThat(kept.memory().limit())
        .as("the same description: limits kept (at most 30 s)")
        .isEqualTo(67108864);
    assertThat(kept.cpu().quotaMicros()).hasValue(50000);
    ContainerStats reread =
        reader.read(ContainerInfo.running("x", "c", "", "", 0, "/c")).orElseThrow();
    assertThat(reread.memory().limit())
        .as("re-inspected after the update event: read again")
        .isEqualTo(134217728);
    assertThat(reread.cpu().quotaMicros()).isEmpty();
  }

  @Test
  void shippedDefaultsHaveNoKeys() {
    // The runtime owns enabled/interval; the reader itself has nothing to configure.
    assertThat(PluginDefaults.load("cgroup-v2").raw().isEmpty()).isTrue();
    assertThat(new CgroupV2StatsReader().name()).isEqualTo("cgroup-v2");
  }

  private static CgroupV2StatsReader started(String tree) throws IOException {
    return start(Fixtures.hostPaths(tree));
  }

  private static CgroupV2StatsReader start(HostPaths paths) throws IOException {
    CgroupV2StatsReader reader = new CgroupV2StatsReader();
    reader.start(TestContext.forPlugin("cgroup-v2").withHostPaths(paths));
    return reader;
  }

  /** A pure v2 host under {@code root}: cgroup2 at /sys/fs/cgroup with these controllers. */
  private static void pureV2Host(Path root, String controllers) throws IOException {
    write(root, "proc/self/mountinfo", "30 21 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
    write(root, "sys/fs/cgroup/cgroup.controllers", controllers + "\n");
  }

  private static void write(Path root, String relative, String content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
