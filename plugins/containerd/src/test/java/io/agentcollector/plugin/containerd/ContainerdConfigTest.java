package io.agentcollector.plugin.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.testkit.PluginDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerdConfigTest {

  private static PluginConfig defaults() {
    return PluginDefaults.load("containerd");
  }

  @Test
  void shippedDefaults() {
    ContainerdConfig c = ContainerdConfig.from(defaults());

    assertThat(c)
        .isEqualTo(
            new ContainerdConfig(
                Path.of("/run/containerd/containerd.sock"),
                List.of(),
                List.of("moby"),
                Duration.ofSeconds(60),
                Duration.ofSeconds(4),
                Duration.ofSeconds(10)));
    assertThat(c.watches("k8s.io")).isTrue();
    assertThat(c.watches("default")).isTrue();
    assertThat(c.watches("moby")).as("Docker's: the docker plugin reports them").isFalse();
  }

  @Test
  void explicitValues() {
    ContainerdConfig c =
        ContainerdConfig.from(
            defaults()
                .with(
                    """
        socket = "unix:///var/snap/microk8s/common/run/containerd.sock"
        namespaces = ["k8s.io", "moby", "default"]
        namespaces-exclude = []
        resync-interval = 5s
        reconnect-max-backoff = 1s
        request-timeout = 250ms
        """));

    assertThat(c)
        .isEqualTo(
            new ContainerdConfig(
                Path.of("/var/snap/microk8s/common/run/containerd.sock"),
                List.of("k8s.io", "moby", "default"),
                List.of(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMillis(250)));
    assertThat(c.watches("moby")).isTrue();
    assertThat(c.watches("other")).as("only the listed ones").isFalse();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      socket                | "containerd.sock"       | plugins.containerd.socket = "containerd.sock": expected an absolute unix socket path such as /run/containerd/containerd.sock (or unix:///...)
      socket                | "tcp://127.0.0.1:1234"  | plugins.containerd.socket = "tcp://127.0.0.1:1234": expected an absolute unix socket path such as /run/containerd/containerd.sock (or unix:///...)
      namespaces            | ["k8s io"]              | plugins.containerd.namespaces = [k8s io]: expected containerd namespace names such as k8s.io, moby, default
      namespaces            | k8s.io                  | plugins.containerd.namespaces = "k8s.io": expected a list of strings
      namespaces-exclude    | ["-moby"]               | plugins.containerd.namespaces-exclude = [-moby]: expected containerd namespace names such as k8s.io, moby, default
      resync-interval       | 0s                      | plugins.containerd.resync-interval = "0s": expected a duration above zero
      reconnect-max-backoff | soon                    | plugins.containerd.reconnect-max-backoff = "soon": expected a duration such as 5s or 250ms
      request-timeout       | 0s                      | plugins.containerd.request-timeout = "0s": expected a duration above zero
      """)
  void invalidValuesNameTheKey(String key, String value, String message) {
    PluginConfig p = defaults().with(key + " = " + value);

    assertThatThrownBy(() -> ContainerdConfig.from(p))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }
}
