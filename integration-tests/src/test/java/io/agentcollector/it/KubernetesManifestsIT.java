package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Ports;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deployments/k8s (the operator kustomization: the base and the ServiceMonitor): every manifest
 * parses, the objects refer to each other, every hostPath the DaemonSet mounts is a path its
 * ConfigMap's monitor.conf uses (and back), the probes are endpoints the agent serves, and the
 * config passes the agent's own check-config. The same config and mounts run in the container image
 * in {@link ContainerImageIT}.
 */
class KubernetesManifestsIT {

  @TempDir static Path tmp;
  static K8sManifests k8s;
  static Path home;

  @BeforeAll
  static void load() throws Exception {
    k8s = K8sManifests.load(K8sManifests.OPERATOR);
    home = Distribution.unpack(tmp);
  }

  @Test
  void everyManifestParsesIntoTheExpectedObjects() throws Exception {
    assertThat(k8s.objects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Service",
            "ServiceMonitor",
            "ConfigMap",
            "DaemonSet");
    assertThat(k8s.objects)
        .filteredOn(o -> !o.getKind().startsWith("Cluster"))
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo("monitoring"));
    GenericKubernetesResource sm = k8s.one(GenericKubernetesResource.class);
    assertThat(sm.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(sm.getKind()).isEqualTo("ServiceMonitor");
    // The base applies on a cluster without the Prometheus Operator's CRD: everything else.
    assertThat(K8sManifests.load().objects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Service",
            "ConfigMap",
            "DaemonSet");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theObjectsReferToEachOther() {
    DaemonSet ds = k8s.daemonSet();
    PodSpec pod = ds.getSpec().getTemplate().getSpec();
    Map<String, String> podLabels = ds.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels).containsAllEntriesOf(ds.getSpec().getSelector().getMatchLabels());
    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getHostPID()).isTrue();

    ServiceAccount sa = k8s.one(ServiceAccount.class);
    assertThat(pod.getServiceAccountName()).isEqualTo(sa.getMetadata().getName());
    ClusterRole role = k8s.one(ClusterRole.class);
    ClusterRoleBinding binding = k8s.one(ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo(sa.getMetadata().getName());
              assertThat(s.getNamespace()).isEqualTo(sa.getMetadata().getNamespace());
            });
    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            (PolicyRule r) -> {
              assertThat(r.getApiGroups()).containsExactly("");
              assertThat(r.getResources()).containsExactly("pods");
              assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
            });

    Container c = k8s.agentContainer();
    ContainerPort metrics =
        c.getPorts().stream().filter(p -> "metrics".equals(p.getName())).findFirst().orElseThrow();
    Config conf = k8s.monitorConf();
    assertThat(metrics.getContainerPort())
        .as("containerPort vs web.listen-address")
        .isEqualTo(Integer.parseInt(conf.getString("web.listen-address").replaceAll(".*:", "")));
    assertThat(metrics.getHostPort())
        .as("hostNetwork: hostPort = containerPort")
        .isEqualTo(metrics.getContainerPort());

    Service svc = k8s.one(Service.class);
    assertThat(svc.getSpec().getClusterIP()).as("headless").isEqualTo("None");
    assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
    ServicePort sp = svc.getSpec().getPorts().get(0);
    assertThat(sp.getTargetPort().getStrVal()).isEqualTo(metrics.getName());
    assertThat(sp.getPort()).isEqualTo(metrics.getContainerPort());

    Map<String, Object> smSpec =
        (Map<String, Object>)
            k8s.one(GenericKubernetesResource.class).getAdditionalProperties().get("spec");
    Map<String, Object> smSelector =
        (Map<String, Object>) ((Map<String, Object>) smSpec.get("selector")).get("matchLabels");
    assertThat(svc.getMetadata().getLabels())
        .containsAllEntriesOf((Map<String, String>) (Map<?, ?>) smSelector);
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) smSpec.get("endpoints");
    assertThat(endpoints)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("port")).isEqualTo(sp.getName());
              assertThat(e.get("path")).isEqualTo("/metrics");
            });

    // The config file: the ConfigMap's key, where the container mounts it, what run is told.
    ConfigMap cm = k8s.one(ConfigMap.class);
    String configVolume =
        pod.getVolumes().stream()
            .filter(
                v ->
                    v.getConfigMap() != null
                        && cm.getMetadata().getName().equals(v.getConfigMap().getName()))
            .findFirst()
            .orElseThrow()
            .getName();
    String mountPath =
        c.getVolumeMounts().stream()
            .filter(m -> m.getName().equals(configVolume))
            .findFirst()
            .orElseThrow()
            .getMountPath();
    assertThat(c.getArgs()).containsExactly("run", "--config", mountPath + "/monitor.conf");

    assertThat(c.getEnv())
        .filteredOn(e -> List.of("NODE_NAME", "MONITOR_HOST_LABEL").contains(e.getName()))
        .hasSize(2)
        .extracting(EnvVar::getValueFrom)
        .allSatisfy(
            from -> assertThat(from.getFieldRef().getFieldPath()).isEqualTo("spec.nodeName"));
    assertThat(conf.getBoolean("plugins.k8s-labels.enabled")).isTrue();
  }

  @Test
  void everyHostPathMountIsAPathOfTheConfigAndBack() throws Exception {
    Config conf = k8s.monitorConf();
    List<K8sManifests.HostPathKey> keys =
        k8s.hostPathKeys(
            conf, shippedDefault("containerd", "socket"), shippedDefault("docker", "socket"));
    assertThat(keys)
        .extracting(K8sManifests.HostPathKey::key)
        .contains("plugins.containerd.socket");
    for (K8sManifests.HostPathKey k : keys) {
      String inContainer = K8sManifests.socketPath(conf.getString(k.key()));
      assertThat(k8s.nodePath(inContainer))
          .as("%s = %s, through the DaemonSet's hostPath mounts", k.key(), inContainer)
          .contains(k.nodePath());
    }
    assertThat(k8s.hostMounts())
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.readOnly()).as("%s read-only", m.mountPath()).isTrue();
              assertThat(keys)
                  .as("a config path under %s", m.mountPath())
                  .anySatisfy(
                      k ->
                          assertThat(K8sManifests.socketPath(conf.getString(k.key())) + "/")
                              .startsWith(m.mountPath() + "/"));
            });
  }

  /** A key's default as the plugin ships it, read from the tarball. */
  private static String shippedDefault(String plugin, String key) {
    Path file = home.resolve("plugins/" + plugin + "/classes/" + plugin + "-defaults.conf");
    return K8sManifests.socketPath(ConfigFactory.parseFile(file.toFile()).getString(key));
  }

  /**
   * The ConfigMap's monitor.conf with its container paths turned back into this machine's (what the
   * mounts map them to), the containerd socket to a path where there is none (so nothing on this
   * host is asked), and the API server to a closed loopback port.
   */
  private static Path adaptedConfig(int port) throws Exception {
    Config conf = k8s.monitorConf();
    for (String key : List.of("host.proc-path", "host.sys-path", "host.rootfs-path")) {
      conf =
          conf.withValue(
              key, ConfigValueFactory.fromAnyRef(k8s.nodePath(conf.getString(key)).orElseThrow()));
    }
    conf =
        conf.withValue(
                "plugins.containerd.socket",
                ConfigValueFactory.fromAnyRef(tmp.resolve("no-containerd.sock").toString()))
            .withValue(
                "plugins.k8s-labels.master-url",
                ConfigValueFactory.fromAnyRef("http://127.0.0.1:" + Ports.free()))
            .withValue("web.listen-address", ConfigValueFactory.fromAnyRef("127.0.0.1:" + port));
    Path file = tmp.resolve("monitor-adapted.conf");
    Files.writeString(
        file, conf.root().render(ConfigRenderOptions.defaults().setOriginComments(false)));
    return file;
  }

  @Test
  void theConfigMapsConfigPassesCheckConfig() throws Exception {
    AgentProcess.Result r =
        AgentProcess.run(
            home,
            Map.of("NODE_NAME", "it-node"),
            "check-config",
            "--config",
            adaptedConfig(Ports.free()).toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("config OK")
        .contains("plugins.k8s-labels: enabled")
        .contains("plugins.containerd: enabled")
        .contains("plugins.docker: disabled");
  }

  @Test
  void theProbesAreEndpointsTheAgentServes() throws Exception {
    Container c = k8s.agentContainer();
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
    int port = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(
            home,
            port,
            Map.of("NODE_NAME", "it-node", "MONITOR_HOST_LABEL", "it-node"),
            "run",
            "--config",
            adaptedConfig(port).toString())) {
      agent.awaitReady(Duration.ofSeconds(30));
      assertThat(agent.get(c.getLivenessProbe().getHttpGet().getPath()).statusCode())
          .isEqualTo(200);
      var ready = agent.get(c.getReadinessProbe().getHttpGet().getPath());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("Ready\n");
      assertThat(agent.metrics()).contains("node_memory_MemTotal_bytes{host=\"it-node\"}");
      assertThat(agent.stop()).isEqualTo(143);
    }
  }
}
