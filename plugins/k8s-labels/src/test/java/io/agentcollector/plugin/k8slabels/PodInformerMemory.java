package io.agentcollector.plugin.k8slabels;

import static io.agentcollector.plugin.k8slabels.MockApi.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Retained heap of the enricher (client, informer cache, index) with N realistic pods on the node
 * (2 containers, 10 labels, annotations, statuses, managedFields), against a CRUD mock server in
 * the same JVM. Prints figures for BENCHMARKS.md; asserts nothing. Run: {@code java
 * -XX:+UseSerialGC -Xmx128m -cp <test classpath> ...PodInformerMemory 110 5}
 */
public final class PodInformerMemory {

  private PodInformerMemory() {}

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 110;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    KubernetesMockServer server = MockApi.crud(0);
    long json = 0;
    try (KubernetesClient admin = server.createClient()) {
      for (int i = 0; i < pods; i++) {
        Pod p = realistic(i);
        json += Serialization.asJson(p).length();
        admin.pods().inNamespace(p.getMetadata().getNamespace()).resource(p).create();
      }
    }
    System.out.printf("pods=%d, average pod JSON %d bytes%n", pods, json / Math.max(pods, 1));
    // Warm-up: load the client's classes once so the runs measure objects, not first-use caches.
    measure(server, pods, false);
    List<Long> deltas = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      deltas.add(measure(server, pods, true));
    }
    System.out.printf(
        "retained heap with enricher running, per run (KiB): %s%n",
        deltas.stream().map(d -> d / 1024).toList());
    server.destroy();
    System.exit(0);
  }

  private static long measure(KubernetesMockServer server, int pods, boolean print)
      throws Exception {
    long before = usedAfterGc();
    K8sLabelsConfig c = MockApi.config(server.getPort(), List.of("app.kubernetes.io/name", "team"));
    K8sLabelsEnricher e = MockApi.start(c);
    await("sync", () -> e.podCount() == pods && e.status().equals("ok"));
    long after = usedAfterGc();
    if (print) {
      System.out.printf(
          "used after GC: before %d KiB, with enricher %d KiB, delta %d KiB (%d B/pod)%n",
          before / 1024,
          after / 1024,
          (after - before) / 1024,
          (after - before) / Math.max(pods, 1));
    }
    e.stop();
    return after - before;
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  /** A Deployment's pod as the API server returns it, two containers. */
  static Pod realistic(int i) {
    String ns = "team-" + (i % 8);
    String app = "svc-" + (i / 3);
    String name = app + "-7d9f8b6c4-" + Integer.toString(10000 + i, 36);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", app);
    labels.put("app.kubernetes.io/name", app);
    labels.put("app.kubernetes.io/instance", app + "-prod");
    labels.put("app.kubernetes.io/version", "1.4." + (i % 10));
    labels.put("app.kubernetes.io/component", "backend");
    labels.put("app.kubernetes.io/part-of", "shop");
    labels.put("app.kubernetes.io/managed-by", "Helm");
    labels.put("helm.sh/chart", app + "-1.4.0");
    labels.put("pod-template-hash", "7d9f8b6c4");
    labels.put("team", "team-" + (i % 8));
    List<io.fabric8.kubernetes.api.model.Container> specs = new ArrayList<>();
    List<ContainerStatus> statuses = new ArrayList<>();
    for (String c : List.of("app", "istio-proxy")) {
      specs.add(
          new io.fabric8.kubernetes.api.model.ContainerBuilder()
              .withName(c)
              .withImage("registry.example.com/shop/" + c + ":1.4." + (i % 10))
              .addNewPort()
              .withContainerPort(8080)
              .withName("http")
              .withProtocol("TCP")
              .endPort()
              .addNewEnv()
              .withName("JAVA_OPTS")
              .withValue("-Xmx256m -XX:+UseG1GC")
              .endEnv()
              .addNewEnv()
              .withName("POD_NAME")
              .withNewValueFrom()
              .withNewFieldRef()
              .withFieldPath("metadata.name")
              .endFieldRef()
              .endValueFrom()
              .endEnv()
              .withNewResources()
              .addToRequests("cpu", new Quantity("100m"))
              .addToRequests("memory", new Quantity("128Mi"))
              .addToLimits("memory", new Quantity("512Mi"))
              .endResources()
              .addNewVolumeMount()
              .withName("kube-api-access")
              .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
              .withReadOnly(true)
              .endVolumeMount()
              .withNewReadinessProbe()
              .withNewHttpGet()
              .withPath("/healthz")
              .withNewPort(8080)
              .endHttpGet()
              .withPeriodSeconds(10)
              .endReadinessProbe()
              .build());
      statuses.add(
          new ContainerStatusBuilder()
              .withName(c)
              .withContainerID("containerd://" + TestPods.hexId(name + c))
              .withImage("registry.example.com/shop/" + c + ":1.4." + (i % 10))
              .withImageID("registry.example.com/shop/" + c + "@sha256:" + TestPods.hexId(c))
              .withReady(true)
              .withStarted(true)
              .withRestartCount(i % 3)
              .withNewState()
              .withNewRunning()
              .withStartedAt("2026-11-20T10:00:00Z")
              .endRunning()
              .endState()
              .build());
    }
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withUid(UUID.randomUUID().toString())
        .withGenerateName(app + "-7d9f8b6c4-")
        .withLabels(labels)
        .addToAnnotations("kubectl.kubernetes.io/restartedAt", "2026-11-20T10:00:00Z")
        .addToAnnotations("prometheus.io/scrape", "true")
        .addToAnnotations("prometheus.io/port", "8080")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName(app + "-7d9f8b6c4")
        .withUid(UUID.randomUUID().toString())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .endOwnerReference()
        .withManagedFields(
            new ManagedFieldsEntryBuilder()
                .withManager("kube-controller-manager")
                .withOperation("Update")
                .withApiVersion("v1")
                .withTime("2026-11-20T10:00:00Z")
                .withFieldsType("FieldsV1")
                .build(),
            new ManagedFieldsEntryBuilder()
                .withManager("kubelet")
                .withOperation("Update")
                .withSubresource("status")
                .withApiVersion("v1")
                .withTime("2026-11-20T10:00:05Z")
                .withFieldsType("FieldsV1")
                .build())
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .withContainers(specs)
        .withServiceAccountName("default")
        .withRestartPolicy("Always")
        .withDnsPolicy("ClusterFirst")
        .withTerminationGracePeriodSeconds(30L)
        .addNewVolume()
        .withName("kube-api-access")
        .withNewProjected()
        .withDefaultMode(420)
        .endProjected()
        .endVolume()
        .addNewToleration()
        .withKey("node.kubernetes.io/not-ready")
        .withOperator("Exists")
        .withEffect("NoExecute")
        .withTolerationSeconds(300L)
        .endToleration()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withHostIP("10.0.0.11")
        .withPodIP("10.244.1." + (i % 250 + 2))
        .withQosClass("Burstable")
        .withStartTime("2026-11-20T10:00:00Z")
        .withContainerStatuses(statuses)
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .withLastTransitionTime("2026-11-20T10:00:05Z")
        .endCondition()
        .addNewCondition()
        .withType("ContainersReady")
        .withStatus("True")
        .withLastTransitionTime("2026-11-20T10:00:05Z")
        .endCondition()
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("True")
        .withLastTransitionTime("2026-11-20T10:00:00Z")
        .endCondition()
        .endStatus()
        .build();
  }
}
