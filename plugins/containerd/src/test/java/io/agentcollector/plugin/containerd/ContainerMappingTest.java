package io.agentcollector.plugin.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.plugin.containerd.ContainerMapping.Meta;
import io.agentcollector.plugin.containerd.ContainerMapping.Task;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.containers.ListContainersResponse;
import io.agentcollector.plugin.containerd.api.tasks.GetResponse;
import io.agentcollector.plugin.containerd.api.tasks.ListTasksResponse;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.agentcollector.plugin.containerd.api.types.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** containerd's List/Get answers (built as protobuf messages) → ContainerInfo. */
class ContainerMappingTest {

  static final String APP_ID = "8d5b7c0e4c8f2a1b3d9e6f7a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";
  static final String SANDBOX_ID =
      "3f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
  static final String POD_SLICE =
      "kubepods-burstable-pod7c1a3f5e_2b9d_4e8a_a6f1_0d3c5b7e9a21.slice";
  static final Instant CREATED = Instant.parse("2026-11-20T08:15:30.123456789Z");

  /** An OCI spec as containerd stores it: JSON in an Any. */
  static Any spec(String json) {
    return Any.newBuilder()
        .setTypeUrl("types.containerd.io/opencontainers/runtime-spec/1/Spec")
        .setValue(ByteString.copyFromUtf8(json))
        .build();
  }

  static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  /** What kubelet's CRI makes for an app container of a burstable pod, systemd driver. */
  static Container appContainer() {
    return Container.newBuilder()
        .setId(APP_ID)
        .setImage("registry.k8s.io/nginx:1.27")
        .putLabels("io.kubernetes.pod.name", "web-0")
        .putLabels("io.kubernetes.pod.namespace", "shop")
        .putLabels("io.kubernetes.container.name", "app")
        .putLabels("io.cri-containerd.kind", "container")
        .setSpec(
            spec(
                """
            {"ociVersion":"1.1.0","process":{"args":["nginx"]},
             "linux":{"cgroupsPath":"%s:cri-containerd:%s",
                      "namespaces":[{"type":"pid"},{"type":"ipc","path":"/proc/4242/ns/ipc"},
                                    {"type":"network","path":"/proc/4242/ns/net"},{"type":"mount"}]}}
            """
                    .formatted(POD_SLICE, APP_ID)))
        .setCreatedAt(ts(CREATED))
        .build();
  }

  static Container sandbox() {
    return Container.newBuilder()
        .setId(SANDBOX_ID)
        .setImage("registry.k8s.io/pause:3.9")
        .putLabels("io.kubernetes.pod.name", "web-0")
        .putLabels("io.kubernetes.pod.namespace", "shop")
        .putLabels("io.kubernetes.pod.uid", "7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21")
        .putLabels("io.cri-containerd.kind", "sandbox")
        .setSpec(
            spec(
                """
            {"linux":{"cgroupsPath":"%s:cri-containerd:%s",
                      "namespaces":[{"type":"network","path":"/var/run/netns/cni-1234"}]}}
            """
                    .formatted(POD_SLICE, SANDBOX_ID)))
        .setCreatedAt(ts(CREATED))
        .build();
  }

  @Test
  void kubernetesAppContainerFromListAndGet() throws Exception {
    // Through the wire format, as the List and Get answers arrive.
    Container c =
        ListContainersResponse.parseFrom(
                ListContainersResponse.newBuilder()
                    .addContainers(appContainer())
                    .build()
                    .toByteArray())
            .getContainers(0);
    Process p =
        GetResponse.parseFrom(
                GetResponse.newBuilder()
                    .setProcess(
                        Process.newBuilder()
                            .setContainerId(APP_ID)
                            .setPid(4711)
                            .setStatus(Status.RUNNING)
                            .setExitedAt(Timestamp.newBuilder().setSeconds(-62135596800L)))
                    .build()
                    .toByteArray())
            .getProcess();

    ContainerInfo info =
        ContainerMapping.toInfo(
            ContainerMapping.meta("k8s.io", c),
            Optional.of(ContainerMapping.task(p, Optional.empty(), false)));

    // name: cAdvisor's on containerd is the id; the pod's names come from the labels.
    assertThat(info)
        .isEqualTo(
            new ContainerInfo(
                "containerd",
                APP_ID,
                APP_ID,
                "registry.k8s.io/nginx:1.27",
                Map.of(
                    "io.kubernetes.pod.name",
                    "web-0",
                    "io.kubernetes.pod.namespace",
                    "shop",
                    "io.kubernetes.container.name",
                    "app",
                    "io.cri-containerd.kind",
                    "container"),
                ContainerState.RUNNING,
                4711,
                OptionalInt.empty(),
                false,
                Optional.of(CREATED),
                Optional.empty(),
                Optional.empty(),
                "/kubepods.slice/kubepods-burstable.slice/"
                    + POD_SLICE
                    + "/cri-containerd-"
                    + APP_ID
                    + ".scope",
                false));
  }

  @Test
  void sandboxKeepsContainerLabelEmptyAndOwnsThePodNetwork() {
    ContainerInfo info =
        ContainerMapping.toInfo(
            ContainerMapping.meta("k8s.io", sandbox()),
            Optional.of(
                ContainerMapping.task(
                    Process.newBuilder()
                        .setContainerId(SANDBOX_ID)
                        .setPid(4242)
                        .setStatus(Status.RUNNING)
                        .build(),
                    Optional.empty(),
                    false)));

    assertThat(info.name()).as("cAdvisor on containerd: the id").isEqualTo(SANDBOX_ID);
    // No container name label: the agent gives container="" as kubelet does (ContainerLabels).
    assertThat(info.labels())
        .doesNotContainKey("io.kubernetes.container.name")
        .containsKey("io.kubernetes.pod.name");
    assertThat(info.image()).isEqualTo("registry.k8s.io/pause:3.9");
    assertThat(info.ownNetwork())
        .as("pod network series sit on the sandbox, though it joins CRI's netns by path")
        .isTrue();
    assertThat(info.cgroupPath()).endsWith("/cri-containerd-" + SANDBOX_ID + ".scope");
    assertThat(info.pid()).isEqualTo(4242);
  }

  @Test
  void plainContainerIsNamedByItsIdAndKeepsItsCgroupfsPath() {
    Container c =
        Container.newBuilder()
            .setId("c1")
            .setImage("docker.io/local/busybox:test")
            .putLabels("team", "a")
            .setSpec(
                spec(
                    "{\"linux\":{\"cgroupsPath\":\"/default/c1\",\"namespaces\":[{\"type\":\"network\"}]}}"))
            .setCreatedAt(ts(CREATED))
            .build();

    ContainerInfo info =
        ContainerMapping.toInfo(ContainerMapping.meta("default", c), Optional.empty());

    assertThat(info.name()).isEqualTo("c1");
    assertThat(info.cgroupPath()).isEqualTo("/default/c1");
    assertThat(info.ownNetwork()).isTrue();
    assertThat(info.state()).as("no task yet").isEqualTo(ContainerState.CREATED);
    assertThat(info.pid()).isZero();
    assertThat(info.labels()).containsExactlyEntriesOf(Map.of("team", "a"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      own namespace (ctr, nerdctl)     | {"type":"network"}                            | container | true
      joins another one by path       | {"type":"network","path":"/proc/1/ns/net"}     | container | false
      host network (no entry)          | {"type":"pid"}                                | container | false
      hostNetwork pod's sandbox        | {"type":"pid"}                                | sandbox   | true
      """)
  void onlyContainersWithANetworkOfTheirOwnReportIt(
      String what, String namespace, String kind, boolean own) {
    Container c =
        Container.newBuilder()
            .setId("c1")
            .putLabels("io.cri-containerd.kind", kind)
            .setSpec(spec("{\"linux\":{\"namespaces\":[" + namespace + "]}}"))
            .build();

    assertThat(ContainerMapping.meta("k8s.io", c).ownNetwork()).isEqualTo(own);
  }

  @Test
  void stoppedTaskFromListGivesExitCodeAndTime() throws Exception {
    Instant exited = Instant.parse("2026-11-24T10:00:05Z");
    Process p =
        ListTasksResponse.parseFrom(
                ListTasksResponse.newBuilder()
                    .addTasks(
                        Process.newBuilder()
                            .setContainerId("c1")
                            .setPid(5000)
                            .setStatus(Status.STOPPED)
                            .setExitStatus(137)
                            .setExitedAt(ts(exited)))
                    .build()
                    .toByteArray())
            .getTasks(0);
    Meta m =
        ContainerMapping.meta(
            "default", Container.newBuilder().setId("c1").setImage("busybox").build());

    ContainerInfo info =
        ContainerMapping.toInfo(m, Optional.of(ContainerMapping.task(p, Optional.empty(), true)));

    assertThat(info.state()).isEqualTo(ContainerState.EXITED);
    assertThat(info.pid()).as("no processes left").isZero();
    assertThat(info.exitCode()).hasValue(137);
    assertThat(info.finishedAt()).hasValue(exited);
    assertThat(info.oomKilled()).isTrue();
    assertThat(info.cgroupPath()).as("no spec").isEmpty();
    assertThat(info.createdAt()).as("unset timestamp").isEmpty();
  }

  @Test
  void eventsMoveTheTask() {
    Meta m = ContainerMapping.meta("default", Container.newBuilder().setId("c1").build());
    Instant start = Instant.parse("2026-11-24T10:00:00Z");
    Task t = Task.started(321, Optional.of(start));

    assertThat(ContainerMapping.toInfo(m, Optional.of(t)).startedAt()).hasValue(start);
    assertThat(ContainerMapping.toInfo(m, Optional.of(t.withStatus(Status.PAUSED))).state())
        .isEqualTo(ContainerState.PAUSED);
    assertThat(ContainerMapping.toInfo(m, Optional.of(t.withStatus(Status.PAUSED))).pid())
        .isEqualTo(321);
    ContainerInfo oomExit =
        ContainerMapping.toInfo(
            m, Optional.of(t.oom().exited(137, Optional.of(start.plusSeconds(9)))));
    assertThat(oomExit.state()).isEqualTo(ContainerState.EXITED);
    assertThat(oomExit.exitCode()).hasValue(137);
    assertThat(oomExit.oomKilled()).isTrue();
    assertThat(oomExit.finishedAt()).hasValue(start.plusSeconds(9));
    assertThat(oomExit.startedAt()).hasValue(start);
    ContainerInfo gone = ContainerMapping.toInfo(m, Optional.of(t.gone()));
    assertThat(gone.state()).as("its task vanished unseen").isEqualTo(ContainerState.EXITED);
    assertThat(gone.exitCode()).isEmpty();
    assertThat(gone.pid()).isZero();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      textBlock =
          """
      UNKNOWN, DEAD
      CREATED, CREATED
      RUNNING, RUNNING
      STOPPED, EXITED
      PAUSED,  PAUSED
      PAUSING, PAUSED
      """)
  void taskStatusToState(Status status, ContainerState expected) {
    assertThat(ContainerMapping.state(status)).isEqualTo(expected);
  }

  @Test
  void specThatIsNotJsonGivesNoCgroupPath() {
    Container c =
        Container.newBuilder()
            .setId("c2")
            .setSpec(
                Any.newBuilder()
                    .setTypeUrl("x/y")
                    .setValue(ByteString.copyFrom(new byte[] {8, 1, 18, 0})))
            .build();

    assertThat(ContainerMapping.meta("default", c).cgroupPath()).isEmpty();
  }
}
