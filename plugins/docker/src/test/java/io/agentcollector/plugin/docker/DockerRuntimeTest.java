package io.agentcollector.plugin.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The runtime with docker-java's real transport against a fake Engine API on a unix socket in a
 * temporary directory: no socket, the socket appearing, events, losing dockerd and getting it back.
 */
@Timeout(120)
class DockerRuntimeTest {

  static final String C1 = "c1".repeat(32);
  static final String C2 = "c2".repeat(32);

  @TempDir Path dir;
  FakeEngine engine;
  DockerRuntime runtime;
  final Logger logger = (Logger) LoggerFactory.getLogger("docker-runtime-test");
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() {
    engine = new FakeEngine(dir.resolve("docker.sock"));
    logger.setLevel(Level.DEBUG);
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (runtime != null) {
      runtime.stop();
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("docker-watch")) {
        t.join(Duration.ofSeconds(20).toMillis());
      }
    }
    engine.close();
    logger.detachAppender(logs);
  }

  /** Backoff capped at 4 s, as shipped; a cycle retries at once whatever it is. */
  void start() {
    runtime = new DockerRuntime();
    runtime.start(
        new DockerConfig(
            java.net.URI.create("unix://" + engine.socket),
            Duration.ofMinutes(10),
            Duration.ofSeconds(4),
            Duration.ofSeconds(10)),
        logger);
  }

  List<String> lines() {
    return logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  Optional<ContainerInfo> find(String id) throws Exception {
    return runtime.containers().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Events are applied on docker-java's thread: poll (bounded, not a timing assertion). */
  void await(String id, Predicate<Optional<ContainerInfo>> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.test(find(id))) {
      assertThat(System.nanoTime()).as("not within 20 s for " + id).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static boolean watcherRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("docker-watch"));
  }

  @Test
  void noSocketIsNoDockerHereUntilItAppearsThenTheFirstCycleHasItsContainers() throws Exception {
    start();
    assertThat(runtime.containers()).isEmpty();
    assertThat(runtime.containers()).isEmpty();
    assertThat(watcherRunning()).as("no thread while there is no socket").isFalse();

    engine.put(C1, "web-1", "running", 1793);
    engine.start();
    List<ContainerInfo> first = runtime.containers();
    assertThat(first).hasSize(1);
    ContainerInfo c = first.get(0);
    assertThat(c.runtime()).isEqualTo("docker");
    assertThat(c.id()).isEqualTo(C1);
    assertThat(c.name()).isEqualTo("web-1");
    assertThat(c.image()).isEqualTo("local/busybox:test");
    assertThat(c.labels()).containsEntry("team", "payments");
    assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(c.pid()).isEqualTo(1793);
    assertThat(c.startedAt()).contains(Instant.parse("2026-11-24T07:25:23.375916586Z"));
    assertThat(c.cgroupPath()).isEqualTo("/docker/" + C1);
    assertThat(lines())
        .containsExactly(
            "DEBUG no docker socket at unix://"
                + engine.socket
                + ": no docker containers on this host",
            "INFO connected to docker at unix://" + engine.socket + " (1 containers)");
  }

  @Test
  void eventsKeepTheCacheCurrent() throws Exception {
    engine.put(C1, "web-1", "running", 1793);
    engine.start();
    start();
    assertThat(runtime.containers()).extracting(ContainerInfo::id).containsExactly(C1);
    awaitSubscribed();

    engine.put(C2, "web-2", "running", 2001);
    engine.emit(C2, "start");
    await(C2, c -> c.isPresent());
    assertThat(find(C2).orElseThrow().pid()).isEqualTo(2001);

    engine.put(C1, "web-1", "paused", 1793);
    engine.emit(C1, "pause");
    await(C1, c -> c.orElseThrow().state() == ContainerState.PAUSED);

    engine.containers.remove(C2);
    engine.emit(C2, "destroy");
    await(C2, Optional::isEmpty);
    assertThat(runtime.containers()).extracting(ContainerInfo::id).containsExactly(C1);
  }

  @Test
  void losingDockerdFailsWithOneLineThenTheFirstCycleAfterItIsBackIsRight() throws Exception {
    engine.put(C1, "web-1", "running", 1793);
    engine.start();
    start();
    assertThat(runtime.containers()).hasSize(1);
    awaitSubscribed();

    engine.crash();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        runtime.containers();
      } catch (IOException e) {
        assertThat(e).hasMessageStartingWith("docker at unix://" + engine.socket + ": ");
        break;
      }
      assertThat(System.nanoTime())
          .as("containers() fails once dockerd is gone")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    for (int cycle = 0; cycle < 3; cycle++) {
      assertThatThrownBy(runtime::containers)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("Connection refused");
    }

    // Back with a container made meanwhile: the very next cycle has it, whatever the backoff.
    engine.put(C2, "web-2", "running", 2001);
    engine.start();
    assertThat(runtime.containers())
        .extracting(ContainerInfo::id)
        .containsExactlyInAnyOrder(C1, C2);

    List<String> lines = lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo("INFO connected to docker at unix://" + engine.socket + " (1 containers)");
    assertThat(lines.get(1))
        .startsWith("DEBUG lost docker at unix://" + engine.socket + ": ")
        .endsWith("; reconnecting");
    assertThat(lines.get(2))
        .isEqualTo("DEBUG docker at unix://" + engine.socket + " back (2 containers)");
  }

  /** An event sent before docker-java's stream is open would be lost. */
  void awaitSubscribed() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (engine.subscribers() == 0) {
      assertThat(System.nanoTime()).as("subscribed within 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
