package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RuntimeHealthTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("test.RuntimeHealthTest");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final RuntimeHealth health = new RuntimeHealth(logger);

  @BeforeEach
  void capture() {
    logs.start();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  private List<String> lines() {
    return logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  @Test
  void oneLinePerChangeAndNoneForARuntimeUpFromTheStart() {
    assertThat(health.health("docker")).as("before the first cycle").isEmpty();
    health.answered("docker");
    health.answered("docker");
    assertThat(lines()).isEmpty();
    assertThat(health.health("docker")).isEqualTo("ok");

    health.failed("docker", "ConnectException: Connection refused");
    health.failed("docker", "ConnectException: Connection refused");
    health.failed("docker", "SocketTimeoutException: Read timed out");
    assertThat(health.health("docker"))
        .isEqualTo("not answering: SocketTimeoutException: Read timed out");
    health.answered("docker");
    health.answered("docker");
    assertThat(lines())
        .containsExactly(
            "WARN container runtime docker not answering: ConnectException: Connection refused",
            "INFO container runtime docker answers again");
    assertThat(health.health("docker")).isEqualTo("ok");
  }

  @Test
  void aRuntimeDownFromTheFirstCycleIsLoggedOncePerRuntime() {
    String why = "NoSuchFileException: /run/containerd/containerd.sock";
    health.failed("containerd", why);
    health.failed("containerd", why);
    health.answered("docker");
    assertThat(lines()).containsExactly("WARN container runtime containerd not answering: " + why);
    assertThat(health.health("docker")).isEqualTo("ok");
    assertThat(health.health("containerd")).startsWith("not answering: NoSuchFileException");
  }
}
