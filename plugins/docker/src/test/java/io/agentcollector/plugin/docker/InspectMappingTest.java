package io.agentcollector.plugin.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.testkit.TestContext;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inspect answers captured from Debian's dockerd 20.10 (API 1.41): inspect-*.json. */
class InspectMappingTest {

  private static InspectContainerResponse inspect(String file) throws Exception {
    try (InputStream in = InspectMappingTest.class.getResourceAsStream("/" + file)) {
      return new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(in, InspectContainerResponse.class);
    }
  }

  @Test
  void runningContainer() throws Exception {
    InspectContainerResponse r = inspect("inspect-running.json");
    ContainerInfo c = InspectMapping.toInfo(r, false);
    assertThat(c.name()).isEqualTo("web-1");
    assertThat(c.image()).isEqualTo("local/busybox:test");
    assertThat(c.labels()).containsEntry("team", "payments");
    assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(c.pid()).isEqualTo(1793);
    assertThat(c.exitCode()).isEmpty();
    assertThat(c.startedAt()).contains(Instant.parse("2026-11-24T07:25:23.375916586Z"));
    assertThat(c.finishedAt()).as("0001-01-01 means never").isEmpty();
    assertThat(c.cgroupPath()).isEqualTo("/docker/" + r.getId());
    assertThat(c.ownNetwork()).isTrue();
    assertThat(InspectMapping.toInfo(r, true).cgroupPath())
        .isEqualTo("/system.slice/docker-" + r.getId() + ".scope");
  }

  @Test
  void oomKilledContainer() throws Exception {
    ContainerInfo c = InspectMapping.toInfo(inspect("inspect-oom-killed.json"), false);
    assertThat(c.state()).isEqualTo(ContainerState.EXITED);
    assertThat(c.oomKilled()).isTrue();
    assertThat(c.exitCode()).hasValue(137);
    assertThat(c.pid()).isZero();
    assertThat(c.finishedAt()).contains(Instant.parse("2026-11-24T07:25:24.094238761Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "created,CREATED",
    "running,RUNNING",
    "paused,PAUSED",
    "restarting,RESTARTING",
    "exited,EXITED",
    "removing,EXITED",
    "dead,DEAD",
    "something-new,DEAD"
  })
  void states(String status, ContainerState state) {
    assertThat(InspectMapping.state(status)).isEqualTo(state);
  }

  @Test
  void config() {
    DockerConfig d = DockerConfig.from(TestContext.forPlugin("docker").config());
    assertThat(d.socket().toString()).isEqualTo("unix:///var/run/docker.sock");
    assertThat(d.resyncInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(
            DockerConfig.from(
                    TestContext.forPlugin("docker")
                        .withConfig("socket = \"tcp://127.0.0.1:2375\"")
                        .config())
                .socket()
                .getPort())
        .isEqualTo(2375);
    assertThatThrownBy(
            () ->
                DockerConfig.from(
                    TestContext.forPlugin("docker")
                        .withConfig("socket = \"/var/run/docker.sock\"")
                        .config()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "plugins.docker.socket = \"/var/run/docker.sock\": expected a unix:// or tcp:// URI");
    assertThatThrownBy(
            () ->
                DockerConfig.from(
                    TestContext.forPlugin("docker").withConfig("resync-interval = 0s").config()))
        .hasMessage("plugins.docker.resync-interval = \"0s\": expected a duration above zero");
  }
}
