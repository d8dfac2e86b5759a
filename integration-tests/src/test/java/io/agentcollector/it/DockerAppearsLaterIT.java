package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.ExpositionSamples.Sample;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18: an installed, enabled docker plugin whose daemon is absent runs no thread, and when
 * the daemon appears later its containers show up within one cycle. The tarball's docker plugin
 * watches a socket where nothing listens; then a dockerd of the test's own (beside
 * scripts/test.sh's, whose image it copies) starts on that socket with a running container, as when
 * Docker is installed or started after the agent.
 */
class DockerAppearsLaterIT {

  static final Duration INTERVAL = Duration.ofSeconds(2);
  static final String NAME = "it-late";

  @TempDir static Path tmp;
  static DockerCli docker;
  static Path dir;
  static PrivateDockerd dockerd;
  static AgentProcess agent;

  @BeforeAll
  static void startAgent() throws Exception {
    docker = DockerCli.fromEnvironment();
    Infra.requireCommand("dockerd", "Debian's docker.io");
    // Short: a unix socket's path has at most 107 bytes.
    dir = Files.createTempDirectory(Path.of("/tmp"), "ac-late-");
    dockerd = new PrivateDockerd(dir);
    Path home = Distribution.unpack(tmp);
    Path conf = tmp.resolve("late.conf");
    Files.writeString(
        conf,
        """
        host.label = ""
        self-metrics.jvm = false
        plugins.defaults.interval = %ds
        plugins.docker.socket = "unix://%s"
        plugins.containerd.enabled = false
        """
            .formatted(INTERVAL.toSeconds(), dir.resolve("docker.sock")));
    agent = AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString());
    agent.awaitReady(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (agent != null) {
      agent.stop();
    }
    if (dockerd != null) {
      dockerd.close();
    }
  }

  @Test
  void containersOfADaemonThatAppearsLaterShowWithinACycle() throws Exception {
    Path socket = dir.resolve("docker.sock");
    assertNoDockerHere(awaitCycles(2), "no socket");

    // The daemon's state: a running container that its daemon brings back when it starts
    // (restart policy always), made through another socket, which the agent does not watch.
    Path staging = dir.resolve("staging.sock");
    dockerd.start(staging);
    await("dockerd answers on " + staging, () -> PrivateDockerd.answers(staging));
    DockerCli made = docker.on("unix://" + staging);
    Commands.run(
        List.of(
            "sh",
            "-c",
            "/usr/bin/docker -H "
                + docker.host
                + " save "
                + docker.image
                + " | /usr/bin/docker -H unix://"
                + staging
                + " load"));
    made.start(
        NAME,
        List.of("--restart", "always", "--memory", "64m", "--stop-timeout", "1"),
        "while :; do sleep 1; done");
    dockerd.stop();
    assertThat(socket).doesNotExist();
    assertNoDockerHere(awaitCycles(1), "a daemon on another socket only");

    // dockerd makes its socket ~0.1 s after its start and answers ~1 s later: started 3/4 of an
    // interval after a cycle, the next cycle sees the socket before the daemon answers.
    Thread.sleep(INTERVAL.toMillis() * 3 / 4);
    long startedAt = System.currentTimeMillis();
    CycleTrace trace = CycleTrace.start(agent, startedAt);
    dockerd.start(socket);
    long socketAt = await("the socket file", () -> Files.exists(socket));
    long answerAt = await("dockerd answers on " + socket, () -> PrivateDockerd.answers(socket));
    DockerCli late = docker.on("unix://" + socket);
    await(
        "it-late running again",
        () -> late.run("inspect", "-f", "{{.State.Running}}", NAME).equals("true"));
    long runningAt =
        Instant.parse(late.run("inspect", "-f", "{{.State.StartedAt}}", NAME)).toEpochMilli();
    // From here on the daemon answers with the container running: the next cycle must show it.
    double ref = Math.max(answerAt, runningAt) / 1000.0;
    ExpositionSamples s = awaitShownInTheFirstCycleAfter(ref, trace);
    trace.stop();
    double end = containers(s, "monitor_collector_last_success_timestamp_seconds");
    double cycleStart = end - containers(s, "monitor_collector_duration_seconds");
    String figures =
        String.format(
            "dockerd started at 0 ms: socket at %d ms, answering at %d ms, it-late running at %d"
                + " ms; shown by the cycle %.0f-%.0f ms (interval %d s). The containers"
                + " collector's cycles as /metrics showed them:%n%s",
            socketAt - startedAt,
            answerAt - startedAt,
            runningAt - startedAt,
            cycleStart * 1000 - startedAt,
            end * 1000 - startedAt,
            INTERVAL.toSeconds(),
            trace);
    System.out.println(figures);
    // Within one interval + the cycle time after the socket appeared (0.5 s for the scheduler).
    assertThat(cycleStart * 1000 - socketAt)
        .as("start of the cycle that showed it, ms after the socket appeared\n" + figures)
        .isLessThan(INTERVAL.toMillis() + 500.0);
    assertThat(s.value("container_spec_memory_limit_bytes", "name", NAME)).hasValue(67108864);
    assertThat(s.value("container_state", "name", NAME, "state", "running")).hasValue(1);
    assertThat(s.value("monitor_container_runtime_up", "runtime", "docker")).hasValue(1);
    assertThat(dockerThreads())
        .as("the watch thread, once the socket is there: the check of its absence can fail")
        .contains("docker-watch");
  }

  /** No container series, docker "answered" (nothing here is no error), no docker thread. */
  private static void assertNoDockerHere(ExpositionSamples s, String when) throws IOException {
    assertThat(
            s.samples().stream().filter(x -> x.name().startsWith("container_")).map(Sample::name))
        .as("container series (%s)", when)
        .isEmpty();
    assertThat(s.value("monitor_container_runtime_up", "runtime", "docker")).hasValue(1);
    assertThat(s.value("monitor_collector_success", "collector", "containers")).hasValue(1);
    // The watch loop's thread is docker-watch, docker-java's event stream docker-java-stream-N.
    assertThat(dockerThreads()).as("docker threads (%s)", when).isEmpty();
  }

  /** The names (comm) of the agent's threads that start with docker-. */
  private static List<String> dockerThreads() throws IOException {
    List<String> out = new ArrayList<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(agent.pid()), "task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String comm = Files.readString(t.resolve("comm")).strip();
          if (comm.startsWith("docker-")) {
            out.add(comm);
          }
        } catch (IOException ended) {
          // the thread ended meanwhile
        }
      }
    }
    return out;
  }

  /**
   * Polls /metrics until the container's series are there. Fails if a good cycle of the containers
   * collector that started more than 1 s (the start event's own delivery) after {@code ref} ended
   * without them, or after 30 s.
   */
  private static ExpositionSamples awaitShownInTheFirstCycleAfter(double ref, CycleTrace trace)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      ExpositionSamples s = ExpositionSamples.parse(agent.metrics());
      if (s.value("container_spec_memory_limit_bytes", "name", NAME).isPresent()) {
        return s;
      }
      double end = containers(s, "monitor_collector_last_success_timestamp_seconds");
      double cycleStart = end - containers(s, "monitor_collector_duration_seconds");
      boolean good = containers(s, "monitor_collector_success") == 1;
      if ((good && cycleStart > ref + 1) || System.nanoTime() > deadline) {
        throw new AssertionError(
            String.format(
                "%s not shown by the cycle %.2f-%.2f s after the daemon answered with it"
                    + " running; cycles:%n%s%nagent log:%n%s%ndockerd log:%n%s",
                NAME, cycleStart - ref, end - ref, trace, agent.log(), dockerd.log()));
      }
      Thread.sleep(100);
    }
  }

  private static double containers(ExpositionSamples s, String family) {
    return s.value(family, "collector", "containers").orElse(Double.NaN);
  }

  /** Scrapes once {@code n} more good cycles of the containers collector have ended. */
  private static ExpositionSamples awaitCycles(int n) throws InterruptedException {
    double seen =
        containers(
            ExpositionSamples.parse(agent.metrics()),
            "monitor_collector_last_success_timestamp_seconds");
    long deadline = System.nanoTime() + INTERVAL.multipliedBy(n + 5).toNanos();
    while (true) {
      ExpositionSamples s = ExpositionSamples.parse(agent.metrics());
      double end = containers(s, "monitor_collector_last_success_timestamp_seconds");
      if (end > seen) {
        seen = end;
        if (--n == 0) {
          return s;
        }
      }
      assertThat(System.nanoTime()).as("containers cycles ending").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Polls every 10 ms for up to 60 s; returns when the condition first held (epoch ms). */
  private static long await(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what + "\ndockerd log:\n" + dockerd.log());
      }
      Thread.sleep(10);
    }
    return System.currentTimeMillis();
  }
}
