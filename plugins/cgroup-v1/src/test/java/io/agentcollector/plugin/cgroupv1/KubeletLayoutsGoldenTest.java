package io.agentcollector.plugin.cgroupv1;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.runtime.containers.ContainerCollector;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kubelet's cgroup layouts (cgroupfs {@code /kubepods/<qos>/pod<uid>/<id>} and systemd {@code
 * kubepods.slice/.../cri-containerd-<id>.scope}) on cgroup v1, end to end through the agent's
 * container collector: a containerd container found by its path and by its process resolves to the
 * same cgroup, and the exposition with cAdvisor's names and kubelet's labels is the golden file
 * {@code src/test/golden/<layout>.prom}. Trees: testdata/fixtures/cgroup/v1/ (README there).
 */
class KubeletLayoutsGoldenTest {

  static final String ID = "f0d64011ff21798ac98339dab250c8dc7bd8c3e3f91e40d5f4470a72a3b764b1";
  static final long PID = 91544;

  @ParameterizedTest
  @ValueSource(strings = {"kubelet-cgroupfs", "kubelet-systemd"})
  void containerdContainerOfAPod(String layout) throws Exception {
    String tree = "cgroup/v1/" + layout;
    // The cgroup path as the containerd plugin hands it over: the hierarchy path of the pid.
    String path =
        Files.readString(Fixtures.path(tree).resolve("proc/" + PID + "/cgroup"))
            .lines()
            .filter(l -> l.contains("memory:") || l.startsWith("0::"))
            .findFirst()
            .orElseThrow()
            .replaceFirst("^[0-9]+:[^:]*:", "");

    MetricSnapshots byPath = collect(tree, container(0, path));
    MetricSnapshots byPid = collect(tree, container(PID, path));
    String[] labels = {"id", path, "container", "app", "pod", "web-0", "namespace", "shop"};
    assertThat(Exposition.value(byPath, "container_spec_memory_limit_bytes", labels)).isPresent();
    assertThat(Exposition.text(byPid)).isEqualTo(Exposition.text(byPath));
    Golden.assertMatches(byPath, layout + ".prom");
  }

  private static ContainerInfo container(long pid, String cgroupPath) {
    return new ContainerInfo(
        "containerd",
        ID,
        "app",
        "registry.example/shop/app:1.4",
        Map.of(
            "io.kubernetes.pod.name",
            "web-0",
            "io.kubernetes.pod.namespace",
            "shop",
            "io.kubernetes.container.name",
            "app",
            "io.kubernetes.pod.uid",
            "7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21"),
        ContainerState.RUNNING,
        pid,
        OptionalInt.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        cgroupPath,
        true);
  }

  private static MetricSnapshots collect(String tree, ContainerInfo c) throws Exception {
    CgroupV1StatsReader reader = new CgroupV1StatsReader();
    reader.start(TestContext.forPlugin("cgroup-v1").withHostPaths(Fixtures.hostPaths(tree)));
    assertThat(reader.active()).as("reader active on " + tree).isTrue();
    ContainerRuntime runtime =
        new ContainerRuntime() {
          @Override
          public String name() {
            return "containerd";
          }

          @Override
          public List<ContainerInfo> containers() {
            return List.of(c);
          }
        };
    ContainerCollector collector =
        new ContainerCollector(List.of(runtime), List.of(reader), List.of());
    collector.start(
        TestContext.forPlugin("containers")
            .withHostPaths(Fixtures.hostPaths(tree))
            .withClock(FakeClock.fixed()));
    return collector.collect();
  }
}
