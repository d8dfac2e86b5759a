package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import io.agentcollector.testkit.Fixtures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code deployments/k8s}: the kustomizations {@code base} (any cluster) and {@code operator} (base
 * plus a ServiceMonitor), their manifests parsed by fabric8 with no API server, and what they say.
 */
final class K8sManifests {

  static final Path DIR = Fixtures.projectRoot().resolve("deployments/k8s");
  static final Path BASE = DIR.resolve("base");
  static final Path OPERATOR = DIR.resolve("operator");

  /** The config keys that name a path on the node, with the node path each must stand for. */
  record HostPathKey(String key, String nodePath) {}

  /** A read-only hostPath mount of the agent's container. */
  record HostMount(String mountPath, String hostPath, boolean readOnly) {}

  final List<HasMetadata> objects;

  private K8sManifests(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /** What {@code kubectl apply -k deployments/k8s/base} applies. */
  static K8sManifests load() throws IOException {
    return load(BASE);
  }

  /** What {@code kubectl apply -k <kustomization>} applies. */
  static K8sManifests load(Path kustomization) throws IOException {
    List<Path> files = manifests(kustomization);
    assertThat(files).as("manifests of %s", kustomization).isNotEmpty();
    List<HasMetadata> all = new ArrayList<>();
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(io.fabric8.kubernetes.client.Config.empty())
            .build()) {
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          List<HasMetadata> items = client.load(in).items();
          assertThat(items).as("objects in %s", f).isNotEmpty();
          all.addAll(items);
        }
      }
    }
    return new K8sManifests(all);
  }

  /** The {@code kustomization.yaml} of a directory. */
  static JsonNode kustomization(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    assertThat(file).as("kustomization of %s", dir).isRegularFile();
    return Json.readYaml(file);
  }

  /**
   * The manifest files a kustomization applies, a listed directory (another kustomization)
   * expanded.
   */
  static List<Path> manifests(Path dir) {
    List<Path> out = new ArrayList<>();
    for (JsonNode r : kustomization(dir).path("resources")) {
      Path p = dir.resolve(r.asString()).normalize();
      assertThat(p).as("resource %s of %s", r.asString(), dir).exists();
      if (Files.isDirectory(p)) {
        out.addAll(manifests(p));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Every manifest file under {@code deployments/k8s}, kustomizations left out. */
  static List<Path> allManifestFiles() throws IOException {
    try (Stream<Path> s = Files.walk(DIR)) {
      return s.filter(
              p ->
                  p.toString().endsWith(".yaml")
                      && !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted(Comparator.naturalOrder())
          .toList();
    }
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertThat(found).as("one %s", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  DaemonSet daemonSet() {
    return one(DaemonSet.class);
  }

  Container agentContainer() {
    List<Container> containers = daemonSet().getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  /** The text of {@code monitor.conf} in the ConfigMap. */
  String monitorConfText() {
    String text = one(ConfigMap.class).getData().get("monitor.conf");
    assertThat(text).as("ConfigMap key monitor.conf").isNotBlank();
    return text;
  }

  Config monitorConf() {
    return ConfigFactory.parseString(
        monitorConfText(),
        ConfigParseOptions.defaults()
            .setSyntax(ConfigSyntax.CONF)
            .setOriginDescription("configmap.yaml monitor.conf"));
  }

  /** The agent container's mounts of hostPath volumes. */
  List<HostMount> hostMounts() {
    List<Volume> volumes = daemonSet().getSpec().getTemplate().getSpec().getVolumes();
    List<HostMount> out = new ArrayList<>();
    for (VolumeMount m : agentContainer().getVolumeMounts()) {
      volumes.stream()
          .filter(v -> v.getName().equals(m.getName()) && v.getHostPath() != null)
          .findFirst()
          .ifPresent(
              v ->
                  out.add(
                      new HostMount(
                          m.getMountPath(),
                          v.getHostPath().getPath(),
                          Boolean.TRUE.equals(m.getReadOnly()))));
    }
    return out;
  }

  /**
   * The node path a path inside the container stands for, through the longest matching hostPath
   * mount.
   */
  Optional<String> nodePath(String containerPath) {
    return hostMounts().stream()
        .filter(
            m ->
                containerPath.equals(m.mountPath())
                    || containerPath.startsWith(m.mountPath() + "/"))
        .max(Comparator.comparingInt(m -> m.mountPath().length()))
        .map(
            m -> {
              String rest = containerPath.substring(m.mountPath().length());
              return m.hostPath().equals("/") ? (rest.isEmpty() ? "/" : rest) : m.hostPath() + rest;
            });
  }

  /**
   * The config's paths on the node: the host file systems, and the socket of each enabled container
   * runtime plugin ({@code shippedSocket}: the plugin's default, a node path).
   */
  List<HostPathKey> hostPathKeys(
      Config conf, String containerdDefaultSocket, String dockerDefaultSocket) {
    List<HostPathKey> keys =
        new ArrayList<>(
            List.of(
                new HostPathKey("host.proc-path", "/proc"),
                new HostPathKey("host.sys-path", "/sys"),
                new HostPathKey("host.rootfs-path", "/")));
    if (!conf.hasPath("plugins.containerd.enabled")
        || conf.getBoolean("plugins.containerd.enabled")) {
      keys.add(new HostPathKey("plugins.containerd.socket", containerdDefaultSocket));
    }
    if (!conf.hasPath("plugins.docker.enabled") || conf.getBoolean("plugins.docker.enabled")) {
      keys.add(new HostPathKey("plugins.docker.socket", dockerDefaultSocket));
    }
    return keys;
  }

  /** A socket setting as a path: {@code unix:///x} → {@code /x}. */
  static String socketPath(String value) {
    return value.startsWith("unix://") ? value.substring("unix://".length()) : value;
  }
}
