package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.ExpositionSamples.Sample;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tarball with the docker and cgroup-v1 plugins against a real dockerd (private socket,
 * started by scripts/test.sh): values from real containers, read from /metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerContainersIT {

  @TempDir static Path tmp;
  static DockerCli docker;
  static AgentProcess agent;

  @BeforeAll
  static void startAgent() throws Exception {
    docker = DockerCli.fromEnvironment();
    Path home = Distribution.unpack(tmp);
    Path conf = tmp.resolve("docker.conf");
    Files.writeString(
        conf,
        """
        host.label = ""
        self-metrics.jvm = false
        plugins.defaults.interval = 1s
        plugins.docker.socket = "%s"
        plugins.containers.retention = 4s
        """
            .formatted(docker.host));
    agent = AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString());
    agent.awaitReady(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.stop();
    }
    if (docker != null) {
      String ids = docker.run("ps", "-aq", "--filter", "name=it-");
      if (!ids.isBlank()) {
        List<String> args = new java.util.ArrayList<>(List.of("rm", "-f"));
        args.addAll(List.of(ids.split("\\s+")));
        docker.run(args.toArray(String[]::new));
      }
    }
  }

  private static ExpositionSamples scrape() {
    return ExpositionSamples.parse(agent.metrics());
  }

  private static OptionalDouble value(
      ExpositionSamples s, String family, String name, String... more) {
    List<String> pairs = new java.util.ArrayList<>(List.of("name", name));
    pairs.addAll(List.of(more));
    return s.value(family, pairs.toArray(String[]::new));
  }

  /**
   * Polls /metrics until the condition holds (at most a few 1 s cycles), then returns that scrape.
   */
  private static ExpositionSamples await(String what, Predicate<ExpositionSamples> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    ExpositionSamples s = scrape();
    while (!condition.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 15 s: " + what + "\nlog:\n" + agent.log());
      }
      Thread.sleep(200);
      s = scrape();
    }
    return s;
  }

  @Test
  @Order(1)
  void halfACpuBurnsHalfACpuSecondPerSecond() throws Exception {
    docker.start("it-cpu", List.of("--cpus", "0.5", "--memory", "64m"), "while :; do :; done");
    ExpositionSamples s0 =
        await(
            "it-cpu usage",
            s -> value(s, "container_cpu_usage_seconds_total", "it-cpu").isPresent());
    double u0 =
        value(s0, "container_cpu_usage_seconds_total", "it-cpu", "cpu", "total").orElseThrow();
    double c0 = containersCycleEnd(s0);
    Thread.sleep(10_000);
    ExpositionSamples s1 = scrape();
    // Rate over the agent's own cycle times: each reading is from the end of a cycle.
    double rate =
        (value(s1, "container_cpu_usage_seconds_total", "it-cpu").orElseThrow() - u0)
            / (containersCycleEnd(s1) - c0);
    assertThat(rate).as("CPU s/s of a --cpus 0.5 busy loop").isCloseTo(0.5, within(0.05));
    assertThat(value(s1, "container_spec_cpu_quota", "it-cpu")).hasValue(50000);
    assertThat(value(s1, "container_spec_cpu_period", "it-cpu")).hasValue(100000);
    assertThat(value(s1, "container_spec_memory_limit_bytes", "it-cpu")).hasValue(67108864);
    assertThat(value(s1, "container_cpu_usage_ratio", "it-cpu").orElseThrow())
        .isCloseTo(1.0, within(0.15));
    assertThat(value(s1, "container_cpu_cfs_throttled_periods_total", "it-cpu").orElseThrow())
        .isPositive();
    assertThat(value(s1, "container_state", "it-cpu", "state", "running")).hasValue(1);
    Sample any = s1.family("container_cpu_usage_seconds_total").get(0);
    assertThat(any.labels()).containsKeys("id", "name", "image", "container", "pod", "namespace");
    assertThat(
            value(
                s1,
                "container_cpu_usage_seconds_total",
                "it-cpu",
                "image",
                docker.image,
                "container",
                "it-cpu"))
        .isPresent();
  }

  /** When the containers collector's last good cycle ended (its readings are from then). */
  private static double containersCycleEnd(ExpositionSamples s) {
    return s.family("monitor_collector_last_success_timestamp_seconds").stream()
        .filter(x -> "containers".equals(x.labels().get("collector")))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElseThrow();
  }

  /**
   * cgroup-backed names kubernetes-mixin queries (docs/compatibility.md, "What kubernetes-mixin
   * queries").
   */
  static final List<String> MIXIN_NAMES =
      List.of(
          "container_cpu_usage_seconds_total",
          "container_memory_working_set_bytes",
          "container_memory_rss",
          "container_memory_cache",
          "container_memory_swap",
          "container_memory_usage_bytes",
          "container_cpu_cfs_throttled_periods_total",
          "container_cpu_cfs_periods_total",
          "container_fs_reads_bytes_total",
          "container_fs_writes_bytes_total",
          "container_fs_reads_total",
          "container_fs_writes_total",
          "container_spec_memory_limit_bytes",
          "container_spec_cpu_quota",
          "container_spec_cpu_period",
          "container_oom_events_total");

  @Test
  @Order(2)
  void everyCgroupBackedNameKubernetesMixinQueriesIsThere() throws Exception {
    // Direct I/O is charged to the container (buffered writeback is not, on v1), and kernel 6.x
    // accounts v1 blkio only for cgroups with a throttle rule: set a generous one.
    String pidfile = System.getenv("MONITOR_TEST_DOCKER_PIDFILE");
    String dev = blockDeviceOf(pidfile != null ? Path.of(pidfile).getParent() : tmp);
    docker.start(
        "it-mixin",
        List.of(
            "--cpus",
            "0.5",
            "--memory",
            "64m",
            "--device-read-bps",
            dev + ":1gb",
            "--device-write-bps",
            dev + ":1gb"),
        "dd if=/bin/busybox of=/dev/null bs=4096 iflag=direct 2>/dev/null;"
            + " dd if=/dev/zero of=/tmp/x bs=4096 count=256 oflag=direct 2>/dev/null; while :; do sleep 1; done");
    ExpositionSamples s =
        await(
            "it-mixin's reads and writes",
            x -> value(x, "container_fs_writes_bytes_total", "it-mixin").orElse(0) >= 1048576);
    for (String family : MIXIN_NAMES) {
      assertThat(s.family(family).stream().filter(x -> "it-mixin".equals(x.labels().get("name"))))
          .as(family)
          .anySatisfy(
              x -> {
                assertThat(x.labels().get("container")).isEqualTo("it-mixin");
                assertThat(x.labels().get("image")).isEqualTo(docker.image);
                assertThat(x.labels()).containsKeys("pod", "namespace", "id");
              });
    }
    assertThat(value(s, "container_fs_reads_bytes_total", "it-mixin").orElseThrow())
        .as("the busybox binary read with O_DIRECT")
        .isGreaterThan(1_000_000);
    assertThat(value(s, "container_fs_writes_bytes_total", "it-mixin"))
        .as("256 x 4 KiB, O_DIRECT")
        .hasValue(1048576);
    assertThat(value(s, "container_fs_writes_total", "it-mixin")).hasValue(256);
    assertThat(
            s.family("container_fs_reads_bytes_total").stream()
                .filter(x -> "it-mixin".equals(x.labels().get("name")))
                .map(x -> x.labels().get("device")))
        .allMatch(d -> d.startsWith("/dev/"));
  }

  /** The block device holding a directory (the private dockerd's state directory). */
  static String blockDeviceOf(Path dir) throws Exception {
    Process p = new ProcessBuilder("findmnt", "-no", "SOURCE", "-T", dir.toString()).start();
    String dev = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    assertThat(dev).as("block device of %s", dir).startsWith("/dev/");
    return dev;
  }

  @Test
  @Order(2)
  void workingSetOfAProcessHolding20MiB() throws Exception {
    docker.start(
        "it-mem",
        List.of("--memory", "64m"),
        "dd if=/dev/zero of=/dev/shm/fill bs=1048576 count=20 2>/dev/null; while :; do sleep 1; done");
    ExpositionSamples s =
        await(
            "it-mem holds 20 MiB",
            x ->
                value(x, "container_memory_working_set_bytes", "it-mem").orElse(0)
                    > 18 * 1048576.0);
    double ws = value(s, "container_memory_working_set_bytes", "it-mem").orElseThrow();
    assertThat(ws).isCloseTo(20 * 1048576.0, within(0.25 * 20 * 1048576));
    assertThat(value(s, "container_spec_memory_limit_bytes", "it-mem")).hasValue(67108864);
    assertThat(value(s, "container_memory_usage_ratio", "it-mem").orElseThrow())
        .isCloseTo(ws / 67108864, within(0.02));
  }

  @Test
  @Order(3)
  void pauseUnpauseStopAndRemoveMoveTheStateWithinACycle() throws Exception {
    docker.start("it-life", List.of(), "while :; do sleep 1; done");
    await(
        "running", s -> value(s, "container_state", "it-life", "state", "running").orElse(0) == 1);
    docker.run("pause", "it-life");
    await("paused", s -> value(s, "container_state", "it-life", "state", "paused").orElse(0) == 1);
    docker.run("unpause", "it-life");
    await(
        "running again",
        s -> value(s, "container_state", "it-life", "state", "running").orElse(0) == 1);
    docker.run("stop", "-t", "1", "it-life");
    ExpositionSamples stopped =
        await(
            "exited",
            s -> value(s, "container_state", "it-life", "state", "exited").orElse(0) == 1);
    assertThat(value(stopped, "container_exit_code", "it-life")).hasValue(137);
    assertThat(value(stopped, "container_oom_killed", "it-life")).hasValue(0);
    docker.run("rm", "it-life");
    await(
        "gone after the 4 s retention",
        s -> value(s, "container_state", "it-life", "state", "exited").isEmpty());
  }

  @Test
  @Order(4)
  void oomKillsAreCountedAndTheKilledContainerStaysVisible() throws Exception {
    // tail buffers /dev/zero (no newline) until the OOM killer ends it; the shell survives.
    docker.start(
        "it-oom-child",
        List.of("--memory", "32m", "--memory-swap", "32m"),
        "tail /dev/zero; while :; do sleep 1; done");
    await(
        "an OOM kill counted",
        s -> value(s, "container_oom_events_total", "it-oom-child").orElse(0) >= 1);
    // Here the OOM killer ends the container's init: it exits, OOM-killed.
    docker.start(
        "it-oom", List.of("--memory", "32m", "--memory-swap", "32m"), "exec tail /dev/zero");
    ExpositionSamples s =
        await(
            "it-oom exited",
            x -> value(x, "container_state", "it-oom", "state", "exited").orElse(0) == 1);
    assertThat(value(s, "container_oom_killed", "it-oom")).hasValue(1);
    assertThat(value(s, "container_exit_code", "it-oom")).hasValue(137);
    docker.run("rm", "it-oom");
    Thread.sleep(2000);
    assertThat(value(scrape(), "container_oom_killed", "it-oom"))
        .as("still within the retention")
        .hasValue(1);
  }

  @Test
  @Order(5)
  void networkCountersMatchTrafficBetweenTwoContainers() throws Exception {
    // No bridge here: a veth pair joins the network namespaces of two of our own containers, so
    // the traffic never touches the host's interfaces. Names must not start with veth (left out,
    // as cAdvisor does) and fit IFNAMSIZ.
    String tag = Long.toHexString(System.nanoTime() & 0xffffffL);
    String ifA = "acna" + tag;
    String ifB = "acnb" + tag;
    docker.start("it-net-a", List.of(), "while :; do sleep 1; done");
    // The listener's stdin must stay open: busybox nc ends the connection at EOF on its stdin.
    docker.start(
        "it-net-b", List.of(), "sleep 600 | nc -l -p 5000 > /dev/null; while :; do sleep 1; done");
    long pidA = Long.parseLong(docker.run("inspect", "-f", "{{.State.Pid}}", "it-net-a"));
    long pidB = Long.parseLong(docker.run("inspect", "-f", "{{.State.Pid}}", "it-net-b"));
    sh("ip link add " + ifA + " type veth peer name " + ifB);
    sh("ip link set " + ifA + " netns " + pidA + " && ip link set " + ifB + " netns " + pidB);
    for (String[] end :
        new String[][] {
          {Long.toString(pidA), ifA, "10.254.77.1/30"}, {Long.toString(pidB), ifB, "10.254.77.2/30"}
        }) {
      // No IPv6 on the pair: router solicitations would add packets while we compare.
      sh(
          "nsenter -t "
              + end[0]
              + " -n sh -c 'sysctl -qw net.ipv6.conf."
              + end[1]
              + ".disable_ipv6=1;"
              + " ip addr add "
              + end[2]
              + " dev "
              + end[1]
              + " && ip link set "
              + end[1]
              + " up'");
    }
    ExpositionSamples before =
        await(
            "it-net-a's " + ifA,
            s ->
                value(s, "container_network_transmit_bytes_total", "it-net-a", "interface", ifA)
                    .isPresent());
    double tx0 =
        value(before, "container_network_transmit_bytes_total", "it-net-a", "interface", ifA)
            .orElseThrow();

    int payload = 2_000_000;
    docker.run(
        "exec",
        "it-net-a",
        "sh",
        "-c",
        "dd if=/dev/zero bs=10000 count="
            + payload / 10000
            + " 2>/dev/null | nc -w 2 10.254.77.2 5000");
    long[] kernelBefore = txRx(pidA, ifA);
    // A cycle that ended one interval (1 s) after this read also started after it.
    double readAt = System.currentTimeMillis() / 1000.0;
    ExpositionSamples after =
        await("a cycle after the traffic", s -> containersCycleEnd(s) > readAt + 1.2);
    long[] kernelAfter = txRx(pidA, ifA);

    double tx =
        value(after, "container_network_transmit_bytes_total", "it-net-a", "interface", ifA)
            .orElseThrow();
    double rxB =
        value(after, "container_network_receive_bytes_total", "it-net-b", "interface", ifB)
            .orElseThrow();
    double txPackets =
        value(after, "container_network_transmit_packets_total", "it-net-a", "interface", ifA)
            .orElseThrow();
    assertThat(tx - tx0)
        .as("bytes a sent: the payload plus TCP/IP headers")
        .isBetween((double) payload, payload * 1.1);
    assertThat(tx)
        .as("equal to the kernel's count for the interface")
        .isBetween((double) kernelBefore[0], (double) kernelAfter[0]);
    assertThat(rxB).as("what a sent over the pair, b received").isCloseTo(tx, within(1000.0));
    assertThat(txPackets).isBetween((double) kernelBefore[1], (double) kernelAfter[1]);
    assertThat(value(after, "container_network_receive_errors_total", "it-net-a", "interface", ifA))
        .hasValue(0);
  }

  /** tx_bytes and tx_packets of an interface in a process's network namespace, from the kernel. */
  private static long[] txRx(long pid, String iface) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "dev"))) {
      String[] f = line.strip().split("[:\\s]+");
      if (f[0].equals(iface)) {
        return new long[] {Long.parseLong(f[9]), Long.parseLong(f[10])};
      }
    }
    throw new AssertionError(iface + " not in /proc/" + pid + "/net/dev");
  }

  private static void sh(String command) {
    Commands.run(List.of("sh", "-c", command));
  }

  @Test
  @Order(6)
  void fiftyCreateRemoveCyclesLeakNoSeries() throws Exception {
    for (int i = 0; i < 50; i++) {
      docker.run("run", "-d", "--name", "it-churn-" + i, "--network", "none", docker.image, "true");
      docker.run("rm", "-f", "it-churn-" + i);
    }
    Thread.sleep(6000); // the retention (4 s) and a cycle
    ExpositionSamples s = scrape();
    assertThat(
            s.samples().stream()
                .filter(x -> x.labels().getOrDefault("name", "").startsWith("it-churn-")))
        .as("no series of removed containers after the retention")
        .isEmpty();
  }

  @Test
  @Order(7)
  void dockerdRestartIsSurvived() throws Exception {
    String pidfile = System.getenv("MONITOR_TEST_DOCKER_PIDFILE");
    String cmd = System.getenv("MONITOR_TEST_DOCKERD_CMD");
    if (pidfile == null || cmd == null) {
      io.agentcollector.testkit.Infra.missing(
          "MONITOR_TEST_DOCKER_PIDFILE / MONITOR_TEST_DOCKERD_CMD from scripts/test.sh");
    }
    long pid = Long.parseLong(Files.readString(Path.of(pidfile)).strip());
    ProcessHandle dockerd = ProcessHandle.of(pid).orElseThrow();
    dockerd.destroy();
    dockerd.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
    ExpositionSamples down =
        await(
            "runtime down",
            s ->
                dockerUp(s) == 0
                    || s.family("monitor_collector_success").stream()
                        .anyMatch(
                            x ->
                                "containers".equals(x.labels().get("collector"))
                                    && x.value() == 0));
    assertThat(down.family("monitor_collector_success"))
        .as("/metrics answers while dockerd is down")
        .isNotEmpty();
    new ProcessBuilder("sh", "-c", cmd + " >> " + tmp.resolve("dockerd-restart.log") + " 2>&1 &")
        .start()
        .waitFor();
    ExpositionSamples back =
        await(
            "runtime back",
            s ->
                dockerUp(s) == 1
                    && s.family("monitor_collector_success").stream()
                        .anyMatch(
                            x ->
                                "containers".equals(x.labels().get("collector"))
                                    && x.value() == 1));
    docker.start("it-after-restart", List.of(), "while :; do sleep 1; done");
    await(
        "a new container after the restart",
        s -> value(s, "container_state", "it-after-restart", "state", "running").orElse(0) == 1);
    assertThat(back.family("machine_cpu_cores")).isNotEmpty();
  }

  /**
   * monitor_container_runtime_up of docker (other runtimes, such as an absent containerd, report
   * too).
   */
  private static double dockerUp(ExpositionSamples s) {
    return s.family("monitor_container_runtime_up").stream()
        .filter(x -> "docker".equals(x.labels().get("runtime")))
        .mapToDouble(x -> x.value())
        .findFirst()
        .orElse(-1);
  }
}
