package io.agentcollector.plugin.k8slabels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.testkit.PluginDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class K8sLabelsConfigTest {

  private static PluginConfig defaults() {
    return PluginDefaults.load("k8s-labels");
  }

  @Test
  void defaultsTakeTheNodeFromNodeNameEnv() {
    K8sLabelsConfig c = K8sLabelsConfig.from(defaults(), Map.of("NODE_NAME", "worker-1.example"));

    assertThat(c)
        .isEqualTo(
            new K8sLabelsConfig(
                "worker-1.example",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Duration.ofMinutes(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10)));
    assertThat(defaults().getBoolean("enabled")).isFalse();
  }

  @Test
  void explicitValues(@TempDir Path dir) throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\n");
    PluginConfig p =
        defaults()
            .with(
                """
        node-name = node-7
        kubeconfig = "%s"
        master-url = "https://10.96.0.1:443"
        pod-label-allowlist = [app, "app.kubernetes.io/name"]
        resync-interval = 0s
        reconnect-interval = 250ms
        request-timeout = 3s
        """
                    .formatted(kubeconfig));

    K8sLabelsConfig c = K8sLabelsConfig.from(p, Map.of("NODE_NAME", "ignored"));

    assertThat(c)
        .isEqualTo(
            new K8sLabelsConfig(
                "node-7",
                Optional.of(kubeconfig),
                Optional.of("https://10.96.0.1:443"),
                List.of("app", "app.kubernetes.io/name"),
                Duration.ZERO,
                Duration.ofMillis(250),
                Duration.ofSeconds(3)));
  }

  @Test
  void emptyNodeNameWithoutEnvIsOneClearMessage() {
    assertThatThrownBy(() -> K8sLabelsConfig.from(defaults(), Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "plugins.k8s-labels.node-name = \"\": expected the name of this node: set it, or the environment"
                + " variable NODE_NAME (in a DaemonSet: valueFrom.fieldRef.fieldPath spec.nodeName)");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "node-name          | '\"Node_1\"'                | plugins.k8s-labels.node-name = \"Node_1\": expected a node name",
        "kubeconfig         | '\"/nonexistent/kubeconfig\"' | plugins.k8s-labels.kubeconfig = \"/nonexistent/kubeconfig\": expected a readable kubeconfig file",
        "master-url         | '\"10.96.0.1:443\"'         | plugins.k8s-labels.master-url = \"10.96.0.1:443\": expected an http:// or https:// URL",
        "pod-label-allowlist| 'app'                       | plugins.k8s-labels.pod-label-allowlist = \"app\": expected a list of strings",
        "pod-label-allowlist| '[\"\"]'                    | plugins.k8s-labels.pod-label-allowlist = []: expected a list of pod label names",
        "resync-interval    | '500ms'                     | plugins.k8s-labels.resync-interval = \"500ms\": expected 0s (off) or at least 1s",
        "reconnect-interval | '0s'                        | plugins.k8s-labels.reconnect-interval = \"0s\": expected a duration between 1ms",
        "request-timeout    | 'soon'                      | plugins.k8s-labels.request-timeout = \"soon\": expected a duration such as 5s",
      })
  void invalidValuesNameTheKey(String key, String value, String message) {
    PluginConfig p = defaults().with("node-name = node-1\n" + key + " = " + value);

    assertThatThrownBy(() -> K8sLabelsConfig.from(p, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void badNodeNameFromEnvSaysItCameFromEnv() {
    assertThatThrownBy(() -> K8sLabelsConfig.from(defaults(), Map.of("NODE_NAME", "bad name")))
        .hasMessage(
            "plugins.k8s-labels.node-name = \"bad name\": expected a node name (lower-case DNS name) in the"
                + " environment variable NODE_NAME");
  }
}
