package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.ExpositionSamples.Sample;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tarball (containerd and cgroup plugins, the containerd plugin on its shipped defaults
 * but the socket) against a real standalone containerd on a private socket, started by
 * scripts/test.sh's start_containerd: containers made with ctr in the namespaces default, k8s.io
 * and moby; values read from /metrics. ctr puts a container of namespace ns into the cgroup /ns/id,
 * which the cgroup-v1 plugin reads on this hybrid host.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerdContainersIT {

  static final String POD_UID = "0b6e4f2a-9c1d-4e3f-8a7b-5d2c1e0f9a8b";

  @TempDir static Path tmp;
  static CtrCli ctr;
  static AgentProcess agent;

  @BeforeAll
  static void startAgent() throws Exception {
    ctr = CtrCli.fromEnvironment();
    Path home = Distribution.unpack(tmp);
    Path conf = tmp.resolve("containerd.conf");
    // The docker plugin stays on (as shipped) on a socket that does not exist: "no Docker here",
    // it answers with no containers. The containerd plugin keeps its shipped resync (60 s): state
    // changes must come from events. Its reconnect backoff may grow to 30 s, far beyond a cycle,
    // as after a long outage: the first cycle after containerd is back must be right anyway.
    Files.writeString(
        conf,
        """
        host.label = ""
        self-metrics.jvm = false
        plugins.defaults.interval = 1s
        plugins.docker.socket = "unix://%s"
        plugins.containerd.socket = "%s"
        plugins.containerd.reconnect-max-backoff = 30s
        plugins.containers.retention = 6s
        """
            .formatted(tmp.resolve("no-docker.sock"), ctr.address));
    agent = AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString());
    agent.awaitReady(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.stop();
    }
    if (ctr != null) {
      ctr.removeAll();
    }
  }

  private static ExpositionSamples scrape() {
    return ExpositionSamples.parse(agent.metrics());
  }

  /** The first sample of a family whose labels include these pairs. */
  private static OptionalDouble value(ExpositionSamples s, String family, String... labels) {
    return s.value(family, labels);
  }

  private static double state(ExpositionSamples s, String name, String state) {
    return value(s, "container_state", "name", name, "state", state).orElse(0);
  }

  private static double runtimeUp(ExpositionSamples s) {
    return value(s, "monitor_container_runtime_up", "runtime", "containerd").orElse(-1);
  }

  /** Every sample, of any family, of the container with this name. */
  private static List<Sample> seriesOf(ExpositionSamples s, String name) {
    return s.samples().stream().filter(x -> name.equals(x.labels().get("name"))).toList();
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
   * Polls /metrics (every scrape must answer) until the condition holds. Fails if the containers
   * collector completed the cycle under way at the call and then one whole cycle more without it (a
   * third cycle end is the margin for the event's own delivery): the change must be in the first
   * cycle after it, not at the next full re-list.
   */
  private static ExpositionSamples awaitWithinACycle(
      String what, Predicate<ExpositionSamples> condition) throws Exception {
    ExpositionSamples s = scrape();
    double start = containersCycleEnd(s);
    TreeSet<Double> ends = new TreeSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.test(s)) {
      double end = containersCycleEnd(s);
      if (end > start) {
        ends.add(end);
      }
      if (ends.size() >= 3 || System.nanoTime() > deadline) {
        throw new AssertionError(
            "not within a cycle ("
                + ends.size()
                + " cycles ended): "
                + what
                + "\nlog:\n"
                + agent.log());
      }
      Thread.sleep(100);
      s = scrape();
    }
    return s;
  }

  @Test
  @Order(1)
  void halfACpuQuotaBurnsHalfACpuSecondPerSecondAndTheLimitsAreExact() throws Exception {
    ctr.start(
        "default",
        "it-cpu",
        List.of("--memory-limit", "67108864", "--cpus", "0.5"),
        "while :; do :; done");
    ExpositionSamples s0 =
        awaitWithinACycle(
            "it-cpu's usage",
            s -> value(s, "container_cpu_usage_seconds_total", "name", "it-cpu").isPresent());
    double u0 =
        value(s0, "container_cpu_usage_seconds_total", "name", "it-cpu", "cpu", "total")
            .orElseThrow();
    double c0 = containersCycleEnd(s0);
    Thread.sleep(10_000);
    ExpositionSamples s1 = scrape();
    double u1 =
        value(s1, "container_cpu_usage_seconds_total", "name", "it-cpu", "cpu", "total")
            .orElseThrow();
    // Rate over the agent's own cycle times: each reading is from the end of a cycle.
    double rate = (u1 - u0) / (containersCycleEnd(s1) - c0);
    System.out.printf(
        "it-cpu (--cpus 0.5): %.4f CPU s/s over %.2f s%n", rate, containersCycleEnd(s1) - c0);
    assertThat(rate).as("CPU s/s of a --cpus 0.5 busy loop").isCloseTo(0.5, within(0.05));
    assertThat(value(s1, "container_spec_memory_limit_bytes", "name", "it-cpu")).hasValue(67108864);
    assertThat(value(s1, "container_spec_cpu_quota", "name", "it-cpu")).hasValue(50000);
    assertThat(value(s1, "container_spec_cpu_period", "name", "it-cpu")).hasValue(100000);
    assertThat(value(s1, "container_cpu_usage_ratio", "name", "it-cpu").orElseThrow())
        .isCloseTo(1.0, within(0.15));
    assertThat(
            value(s1, "container_cpu_cfs_throttled_periods_total", "name", "it-cpu").orElseThrow())
        .isPositive();
    assertThat(state(s1, "it-cpu", "running")).isEqualTo(1);
    // cAdvisor on containerd: name is the id; outside Kubernetes container is the name too.
    assertThat(
            value(
                s1,
                "container_cpu_usage_seconds_total",
                "name",
                "it-cpu",
                "id",
                "/default/it-cpu",
                "image",
                ctr.image,
                "container",
                "it-cpu",
                "pod",
                "",
                "namespace",
                ""))
        .isPresent();
    assertThat(runtimeUp(s1)).isEqualTo(1);

    // Done: the other tests need the CPU more.
    ctr.run("default", "task", "kill", "-s", "KILL", "it-cpu");
    awaitWithinACycle("it-cpu exited", s -> state(s, "it-cpu", "exited") == 1);
  }

  @Test
  @Order(2)
  void aPodInK8sIoGetsKubeletsLabelsAndItsNetworkSitsOnTheSandbox() throws Exception {
    // Docker's namespace first: once the pod's containers (made after it) are seen, its create
    // event has been read too, and skipped.
    ctr.start("moby", "it-moby", List.of(), "while :; do sleep 1; done");
    ctr.start(
        "default", "it-plain", List.of("--memory-limit", "16777216"), "while :; do sleep 1; done");
    // What CRI makes for a pod: a sandbox owning the network, an app container joining it.
    ctr.start(
        "k8s.io",
        "it-pod-sandbox",
        List.of(
            "--label",
            "io.cri-containerd.kind=sandbox",
            "--label",
            "io.kubernetes.pod.name=web-0",
            "--label",
            "io.kubernetes.pod.namespace=shop",
            "--label",
            "io.kubernetes.pod.uid=" + POD_UID),
        "while :; do sleep 1; done");
    long sandboxPid = ctr.pid("k8s.io", "it-pod-sandbox");
    // Two interfaces joined to each other inside the sandbox's own network namespace: the pod's
    // network, with IPv6 link-local chatter and nothing leaving it.
    String netns = "--net=/proc/" + sandboxPid + "/ns/net";
    exec("nsenter", netns, "ip", "link", "add", "eth0", "type", "veth", "peer", "name", "eth1");
    exec("nsenter", netns, "ip", "link", "set", "eth0", "up");
    exec("nsenter", netns, "ip", "link", "set", "eth1", "up");
    ctr.start(
        "k8s.io",
        "it-pod-app",
        List.of(
            "--memory-limit",
            "33554432",
            "--with-ns",
            "network:/proc/" + sandboxPid + "/ns/net",
            "--label",
            "io.cri-containerd.kind=container",
            "--label",
            "io.kubernetes.pod.name=web-0",
            "--label",
            "io.kubernetes.pod.namespace=shop",
            "--label",
            "io.kubernetes.pod.uid=" + POD_UID,
            "--label",
            "io.kubernetes.container.name=app"),
        "while :; do sleep 1; done");

    awaitWithinACycle("the pod's containers", x -> state(x, "it-pod-app", "running") == 1);
    ExpositionSamples s =
        await(
            "the pod's link-local traffic",
            x ->
                value(
                                x,
                                "container_network_transmit_packets_total",
                                "name",
                                "it-pod-sandbox",
                                "interface",
                                "eth0")
                            .orElse(0)
                        > 0
                    && value(
                                x,
                                "container_network_receive_packets_total",
                                "name",
                                "it-pod-sandbox",
                                "interface",
                                "eth1")
                            .orElse(0)
                        > 0);
    // namespace, pod and container from kubelet's labels on the container record: no API server.
    assertThat(
            value(
                s,
                "container_spec_memory_limit_bytes",
                "id",
                "/k8s.io/it-pod-app",
                "name",
                "it-pod-app",
                "pod",
                "web-0",
                "namespace",
                "shop",
                "container",
                "app",
                "image",
                ctr.image))
        .hasValue(33554432);
    assertThat(
            value(s, "container_memory_working_set_bytes", "pod", "web-0", "container", "app")
                .orElseThrow())
        .isPositive();
    // The sandbox as kubelet's cAdvisor shows it on containerd: container="", so kubernetes-mixin's
    // container!="" leaves it out of per-container queries; image!="" keeps it in the pod's sums.
    assertThat(
            value(
                s,
                "container_cpu_usage_seconds_total",
                "id",
                "/k8s.io/it-pod-sandbox",
                "name",
                "it-pod-sandbox",
                "container",
                "",
                "pod",
                "web-0",
                "namespace",
                "shop",
                "image",
                ctr.image))
        .isPresent();
    // The pod's network series are the sandbox's only (dashboards sum them by pod).
    assertThat(
            value(
                    s,
                    "container_network_receive_packets_total",
                    "name",
                    "it-pod-sandbox",
                    "interface",
                    "eth1",
                    "container",
                    "",
                    "pod",
                    "web-0",
                    "namespace",
                    "shop")
                .orElseThrow())
        .isPositive();
    assertThat(
            s.samples().stream()
                .filter(x -> x.name().startsWith("container_network_"))
                .filter(x -> "web-0".equals(x.labels().get("pod")))
                .map(x -> x.labels().get("name"))
                .distinct())
        .containsExactly("it-pod-sandbox");
    assertThat(seriesOf(s, "it-pod-app"))
        .filteredOn(x -> x.name().startsWith("container_network_"))
        .isEmpty();
    // Both namespaces in one scrape; moby (Docker's) is skipped by the shipped defaults.
    assertThat(
            value(
                s,
                "container_spec_memory_limit_bytes",
                "id",
                "/default/it-plain",
                "container",
                "it-plain"))
        .hasValue(16777216);
    assertThat(seriesOf(s, "it-moby"))
        .as("namespace moby: the docker plugin reports those")
        .isEmpty();
  }

  @Test
  @Order(3)
  void pauseResumeKillDeleteAndRemoveMoveTheStateWithinACycle() throws Exception {
    ctr.start("default", "it-life", List.of(), "while :; do sleep 1; done");
    awaitWithinACycle("running", s -> state(s, "it-life", "running") == 1);
    ctr.run("default", "task", "pause", "it-life");
    awaitWithinACycle(
        "paused", s -> state(s, "it-life", "paused") == 1 && state(s, "it-life", "running") == 0);
    ctr.run("default", "task", "resume", "it-life");
    awaitWithinACycle(
        "running again",
        s -> state(s, "it-life", "running") == 1 && state(s, "it-life", "paused") == 0);
    ctr.run("default", "task", "kill", "-s", "KILL", "it-life");
    ExpositionSamples exited = awaitWithinACycle("exited", s -> state(s, "it-life", "exited") == 1);
    assertThat(value(exited, "container_exit_code", "name", "it-life")).hasValue(137);
    assertThat(value(exited, "container_oom_killed", "name", "it-life")).hasValue(0);
    assertThat(value(exited, "container_memory_usage_bytes", "name", "it-life"))
        .as("no processes, no usage")
        .isEmpty();
    ctr.run("default", "task", "delete", "it-life");
    double deletedAt = containersCycleEnd(scrape());
    // Two cycles later (and within the 6 s retention from the exit): how it ended stays shown.
    ExpositionSamples deleted =
        await("two cycles after the task delete", s -> containersCycleEnd(s) > deletedAt + 1.5);
    assertThat(state(deleted, "it-life", "exited"))
        .as("task deleted, container still there")
        .isEqualTo(1);
    assertThat(value(deleted, "container_exit_code", "name", "it-life")).hasValue(137);
    ctr.run("default", "containers", "rm", "it-life");
    await("gone after the retention", s -> seriesOf(s, "it-life").isEmpty());
  }

  @Test
  @Order(4)
  void containerdStoppedAndRestartedIsSurvived() throws Exception {
    String pidfile = System.getenv("MONITOR_TEST_CONTAINERD_PIDFILE");
    String cmd = System.getenv("MONITOR_TEST_CONTAINERD_CMD");
    if (pidfile == null || cmd == null) {
      Infra.missing(
          "MONITOR_TEST_CONTAINERD_PIDFILE / MONITOR_TEST_CONTAINERD_CMD from scripts/test.sh");
    }
    ExpositionSamples before = scrape();
    double hostCpuBefore =
        before.family("node_cpu_seconds_total").stream().mapToDouble(Sample::value).sum();
    ProcessHandle containerd =
        ProcessHandle.of(Long.parseLong(Files.readString(Path.of(pidfile)).strip())).orElseThrow();
    containerd.destroy();
    containerd.onExit().get(20, TimeUnit.SECONDS);
    long stopped = System.nanoTime();
    try {
      ExpositionSamples down = awaitWithinACycle("runtime_up 0", s -> runtimeUp(s) == 0);
      assertThat(value(down, "monitor_collector_success", "collector", "containers"))
          .as("the containers cycle goes on (docker answers: not installed)")
          .hasValue(1);
      // The containers keep running under their shims: their cgroups are still read.
      assertThat(
              value(
                  down,
                  "container_spec_memory_limit_bytes",
                  "name",
                  "it-pod-app",
                  "container",
                  "app"))
          .hasValue(33554432);
      assertThat(state(down, "it-plain", "running")).isEqualTo(1);
      ExpositionSamples stillDown =
          awaitWithinACycle("a later cycle", s -> containersCycleEnd(s) > containersCycleEnd(down));
      assertThat(runtimeUp(stillDown)).isEqualTo(0);
      assertThat(
              stillDown.family("node_cpu_seconds_total").stream().mapToDouble(Sample::value).sum())
          .as("host CPU counters advance")
          .isGreaterThan(hostCpuBefore);
      assertThat(value(stillDown, "monitor_collector_success", "collector", "cpu")).hasValue(1);
      // Down long enough for the backoff to reach 8 s (attempts at 0.5, 1.5, 3.5, 7.5 s, then 15.5
      // s).
      Thread.sleep(
          Math.max(
              0,
              TimeUnit.SECONDS.toMillis(8)
                  - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)));
      assertThat(runtimeUp(scrape())).isEqualTo(0);
    } finally {
      // Restarted the way scripts/test.sh started it; the new pid goes to the pid file for
      // stop_daemons.
      new ProcessBuilder(
              "sh",
              "-c",
              cmd + " >> " + tmp.resolve("containerd-restart.log") + " 2>&1 & echo $! > " + pidfile)
          .start()
          .waitFor();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        ctr.run("default", "version");
        break;
      } catch (AssertionError notYet) {
        assertThat(System.nanoTime()).as("containerd answers again").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
    // Right again in the first cycle after containerd is back, though the backoff is 4 s.
    ExpositionSamples back = awaitWithinACycle("runtime back", s -> runtimeUp(s) == 1);
    assertThat(state(back, "it-pod-app", "running")).isEqualTo(1);
    assertThat(
            value(
                back,
                "container_spec_memory_limit_bytes",
                "name",
                "it-pod-app",
                "pod",
                "web-0",
                "container",
                "app"))
        .hasValue(33554432);
    assertThat(value(back, "container_spec_memory_limit_bytes", "id", "/default/it-plain"))
        .hasValue(16777216);
    assertThat(seriesOf(back, "it-moby")).as("moby skipped by the full listing too").isEmpty();
    ctr.start("default", "it-after-restart", List.of(), "while :; do sleep 1; done");
    awaitWithinACycle(
        "a container made after the restart", s -> state(s, "it-after-restart", "running") == 1);

    String log = agent.log();
    assertThat(log.lines().filter(l -> l.contains("container runtime containerd not answering")))
        .as("one line when it went, none per failed cycle")
        .hasSize(1);
    assertThat(log.lines().filter(l -> l.contains("container runtime containerd answers again")))
        .hasSize(1);
  }

  /** Polls /metrics until the condition holds (at most 15 s). */
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

  private static void exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }
}
