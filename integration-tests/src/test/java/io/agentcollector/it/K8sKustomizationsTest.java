package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The two kustomizations of deployments/k8s: {@code base} applies on any cluster, {@code operator}
 * adds the ServiceMonitor, together they apply every manifest once; and one image tag everywhere.
 */
class K8sKustomizationsTest {

  private static final Pattern IMAGE_TAG =
      Pattern.compile("agent-collector:(\\d+\\.\\d+\\.\\d+[\\w.-]*)");

  @Test
  void theBaseAppliesNoCustomResourceAndTheOperatorAddsTheServiceMonitor() throws IOException {
    List<Path> base = K8sManifests.manifests(K8sManifests.BASE);
    List<Path> operator = K8sManifests.manifests(K8sManifests.OPERATOR);
    assertThat(base)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("rbac.yaml", "configmap.yaml", "service.yaml", "daemonset.yaml");
    for (Path p : base) {
      assertThat(Files.readString(p)).as(p.toString()).doesNotContain("monitoring.coreos.com");
    }
    assertThat(operator).containsAll(base);
    assertThat(operator)
        .filteredOn(p -> !base.contains(p))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("servicemonitor.yaml");
  }

  @Test
  void togetherTheyApplyEveryManifestExactlyOnce() throws IOException {
    List<Path> union = new ArrayList<>(K8sManifests.manifests(K8sManifests.BASE));
    K8sManifests.manifests(K8sManifests.OPERATOR).stream()
        .filter(p -> !union.contains(p))
        .forEach(union::add);
    assertThat(union)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(K8sManifests.allManifestFiles());
    assertThat(K8sManifests.manifests(K8sManifests.OPERATOR)).doesNotHaveDuplicates();
    // kubectl apply -f deployments/k8s/ (no -R) would apply nothing but kustomizations: no stray
    // manifest on top.
    try (Stream<Path> top = Files.list(K8sManifests.DIR)) {
      assertThat(top.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void everyImageTagIsTheProjectVersion() throws IOException {
    String version = projectVersion();
    JsonNode images = K8sManifests.kustomization(K8sManifests.BASE).path("images");
    assertThat(images)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.path("name").asString()).isEqualTo("agent-collector");
              assertThat(i.path("newTag").asString()).isEqualTo(version);
            });
    List<Path> files =
        new ArrayList<>(
            List.of(
                Fixtures.projectRoot().resolve("README.md"),
                Fixtures.projectRoot().resolve("deployments/docker/Dockerfile"),
                K8sManifests.BASE.resolve("daemonset.yaml")));
    try (Stream<Path> docs = Files.list(Fixtures.projectRoot().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
    }
    int tags = 0;
    for (Path f : files) {
      Matcher m = IMAGE_TAG.matcher(Files.readString(f));
      while (m.find()) {
        assertThat(m.group(1)).as("image tag in %s", f).isEqualTo(version);
        tags++;
      }
    }
    assertThat(tags)
        .as("image tags in the docs, the Dockerfile and the DaemonSet")
        .isGreaterThanOrEqualTo(3);
  }

  /** The root pom's own version, which the tarball and so the image are built from. */
  private static String projectVersion() throws IOException {
    String pom = Files.readString(Fixtures.projectRoot().resolve("pom.xml"));
    Matcher m =
        Pattern.compile(
                "<artifactId>agent-collector-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(m.find()).as("version of the root pom").isTrue();
    return m.group(1);
  }
}
