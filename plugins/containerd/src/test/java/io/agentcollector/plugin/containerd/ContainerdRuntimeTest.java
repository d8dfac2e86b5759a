package io.agentcollector.plugin.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.containers.ContainersGrpc;
import io.agentcollector.plugin.containerd.api.containers.GetContainerRequest;
import io.agentcollector.plugin.containerd.api.containers.GetContainerResponse;
import io.agentcollector.plugin.containerd.api.containers.ListContainersRequest;
import io.agentcollector.plugin.containerd.api.containers.ListContainersResponse;
import io.agentcollector.plugin.containerd.api.events.ContainerCreate;
import io.agentcollector.plugin.containerd.api.events.ContainerDelete;
import io.agentcollector.plugin.containerd.api.events.ContainerUpdate;
import io.agentcollector.plugin.containerd.api.events.Envelope;
import io.agentcollector.plugin.containerd.api.events.EventsGrpc;
import io.agentcollector.plugin.containerd.api.events.SubscribeRequest;
import io.agentcollector.plugin.containerd.api.events.TaskDelete;
import io.agentcollector.plugin.containerd.api.events.TaskExit;
import io.agentcollector.plugin.containerd.api.events.TaskOOM;
import io.agentcollector.plugin.containerd.api.events.TaskPaused;
import io.agentcollector.plugin.containerd.api.events.TaskResumed;
import io.agentcollector.plugin.containerd.api.events.TaskStart;
import io.agentcollector.plugin.containerd.api.namespaces.ListNamespacesRequest;
import io.agentcollector.plugin.containerd.api.namespaces.ListNamespacesResponse;
import io.agentcollector.plugin.containerd.api.namespaces.Namespace;
import io.agentcollector.plugin.containerd.api.namespaces.NamespacesGrpc;
import io.agentcollector.plugin.containerd.api.tasks.ListTasksRequest;
import io.agentcollector.plugin.containerd.api.tasks.ListTasksResponse;
import io.agentcollector.plugin.containerd.api.tasks.TasksGrpc;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.agentcollector.plugin.containerd.api.types.Status;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The runtime against an in-process fake of containerd's four services: the initial list, the event
 * stream keeping the cache current, losing the daemon and getting it back.
 */
class ContainerdRuntimeTest {

  /** What the fake containerd holds: namespace → id → container, and tasks. */
  static final class FakeContainerd {
    final Map<String, Map<String, Container>> containers = new ConcurrentHashMap<>();
    final Map<String, Map<String, Process>> tasks = new ConcurrentHashMap<>();
    final List<StreamObserver<Envelope>> subscribers = new CopyOnWriteArrayList<>();
    final List<String> namespacesSeen = new CopyOnWriteArrayList<>();
    volatile boolean up = true;

    void put(String ns, Container c, Process p) {
      containers.computeIfAbsent(ns, k -> new ConcurrentHashMap<>()).put(c.getId(), c);
      if (p != null) {
        tasks.computeIfAbsent(ns, k -> new ConcurrentHashMap<>()).put(c.getId(), p);
      }
    }

    void emit(String ns, String topic, Message event) {
      Envelope e =
          Envelope.newBuilder()
              .setNamespace(ns)
              .setTopic(topic)
              .setTimestamp(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_790_000_000L))
              // As containerd 1.6 sends them: the bare type name, no "type.googleapis.com/"-like
              // host.
              .setEvent(
                  Any.newBuilder()
                      .setTypeUrl(event.getDescriptorForType().getFullName())
                      .setValue(event.toByteString()))
              .build();
      subscribers.forEach(s -> s.onNext(e));
    }

    /** containerd dies: streams break, calls fail. */
    void crash() {
      up = false;
      subscribers.forEach(
          s ->
              s.onError(
                  io.grpc.Status.UNAVAILABLE
                      .withDescription("connection closed")
                      .asRuntimeException()));
      subscribers.clear();
    }

    boolean check(StreamObserver<?> o) {
      if (!up) {
        o.onError(
            io.grpc.Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());
      }
      return up;
    }
  }

  static final Context.Key<String> NS = Context.key("ns");

  final FakeContainerd fake = new FakeContainerd();
  Server server;
  ManagedChannel channel;
  ContainerdRuntime runtime;

  void start(List<String> namespaces) throws Exception {
    start(namespaces, Duration.ofMillis(500));
  }

  void start(List<String> namespaces, Duration maxBackoff) throws Exception {
    start(namespaces, maxBackoff, () -> true);
  }

  void start(List<String> namespaces, Duration maxBackoff, BooleanSupplier socket)
      throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerInterceptor header =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata h, ServerCallHandler<Q, R> next) {
            String ns = h.get(ContainerdClient.NAMESPACE_HEADER);
            return Contexts.interceptCall(
                Context.current().withValue(NS, ns == null ? "" : ns), call, h, next);
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                new NamespacesGrpc.NamespacesImplBase() {
                  @Override
                  public void list(
                      ListNamespacesRequest r, StreamObserver<ListNamespacesResponse> o) {
                    if (fake.check(o)) {
                      var b = ListNamespacesResponse.newBuilder();
                      fake.containers.keySet().stream()
                          .sorted()
                          .forEach(n -> b.addNamespaces(Namespace.newBuilder().setName(n)));
                      o.onNext(b.build());
                      o.onCompleted();
                    }
                  }
                })
            .addService(
                ServerInterceptors.intercept(
                    new ContainersGrpc.ContainersImplBase() {
                      @Override
                      public void list(
                          ListContainersRequest r, StreamObserver<ListContainersResponse> o) {
                        if (fake.check(o)) {
                          fake.namespacesSeen.add(NS.get());
                          o.onNext(
                              ListContainersResponse.newBuilder()
                                  .addAllContainers(
                                      fake.containers.getOrDefault(NS.get(), Map.of()).values())
                                  .build());
                          o.onCompleted();
                        }
                      }

                      @Override
                      public void get(
                          GetContainerRequest r, StreamObserver<GetContainerResponse> o) {
                        if (fake.check(o)) {
                          Container c =
                              fake.containers.getOrDefault(NS.get(), Map.of()).get(r.getId());
                          if (c == null) {
                            o.onError(io.grpc.Status.NOT_FOUND.asRuntimeException());
                          } else {
                            o.onNext(GetContainerResponse.newBuilder().setContainer(c).build());
                            o.onCompleted();
                          }
                        }
                      }
                    },
                    header))
            .addService(
                ServerInterceptors.intercept(
                    new TasksGrpc.TasksImplBase() {
                      @Override
                      public void list(ListTasksRequest r, StreamObserver<ListTasksResponse> o) {
                        if (fake.check(o)) {
                          o.onNext(
                              ListTasksResponse.newBuilder()
                                  .addAllTasks(fake.tasks.getOrDefault(NS.get(), Map.of()).values())
                                  .build());
                          o.onCompleted();
                        }
                      }
                    },
                    header))
            .addService(
                new EventsGrpc.EventsImplBase() {
                  @Override
                  public void subscribe(SubscribeRequest r, StreamObserver<Envelope> o) {
                    assertThat(r.getFiltersList())
                        .containsExactly("topic~=\"^/tasks/\"", "topic~=\"^/containers/\"");
                    if (fake.check(o)) {
                      fake.subscribers.add(o);
                    }
                  }
                })
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    runtime = new ContainerdRuntime();
    runtime.start(
        new ContainerdConfig(
            Path.of("/nonexistent/containerd.sock"),
            namespaces,
            List.of("moby"),
            Duration.ofMinutes(10),
            maxBackoff,
            Duration.ofSeconds(2)),
        LoggerFactory.getLogger("containerd-test"),
        channel,
        socket);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (runtime != null) {
      runtime.stop();
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("containerd-watch")) {
        t.join(Duration.ofSeconds(20).toMillis());
      }
    }
    if (server != null) {
      server.shutdownNow();
    }
  }

  static Container container(String id, Map<String, String> labels) {
    return Container.newBuilder()
        .setId(id)
        .setImage("docker.io/local/busybox:test")
        .putAllLabels(labels)
        .setSpec(ContainerMappingTest.spec("{\"linux\":{\"cgroupsPath\":\"/x/" + id + "\"}}"))
        .build();
  }

  /** As containerd 1.6 lists them: only {@code id} (= the container id) is set. */
  static Process task(String id, long pid, Status s) {
    return Process.newBuilder().setId(id).setPid((int) pid).setStatus(s).build();
  }

  Optional<ContainerInfo> find(String id) throws Exception {
    return runtime.containers().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Events are applied on grpc's thread: poll briefly. */
  ContainerInfo await(String id, Predicate<Optional<ContainerInfo>> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Optional<ContainerInfo> c = find(id);
    while (!condition.test(c)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 5 s for " + id + ": " + c);
      }
      Thread.sleep(20);
      c = find(id);
    }
    return c.orElse(null);
  }

  @Test
  void listsEveryNamespaceButMobyThenFollowsEvents() throws Exception {
    fake.put("default", container("c1", Map.of()), task("c1", 100, Status.RUNNING));
    fake.put(
        "k8s.io",
        container(
            "sb", Map.of("io.cri-containerd.kind", "sandbox", "io.kubernetes.pod.name", "web-0")),
        task("sb", 90, Status.RUNNING));
    fake.put("moby", container("m1", Map.of()), task("m1", 80, Status.RUNNING));
    start(List.of());

    List<ContainerInfo> first = runtime.containers();
    assertThat(first).extracting(ContainerInfo::id).containsExactlyInAnyOrder("c1", "sb");
    assertThat(fake.namespacesSeen).containsExactlyInAnyOrder("default", "k8s.io");
    assertThat(find("c1").orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
    assertThat(find("c1").orElseThrow().pid()).isEqualTo(100);
    assertThat(find("c1").orElseThrow().cgroupPath()).isEqualTo("/x/c1");
    assertThat(find("sb").orElseThrow().name()).isEqualTo("sb");

    fake.put("default", container("c2", Map.of("io.kubernetes.container.name", "app")), null);
    fake.emit(
        "default",
        "/containers/create",
        ContainerCreate.newBuilder().setId("c2").setImage("busybox").build());
    ContainerInfo created = await("c2", c -> c.isPresent());
    assertThat(created.state()).isEqualTo(ContainerState.CREATED);
    assertThat(created.name()).isEqualTo("c2");
    assertThat(created.labels()).containsEntry("io.kubernetes.container.name", "app");

    // Labels changed later (ctr containers label): looked up again.
    fake.put(
        "default",
        container("c2", Map.of("io.kubernetes.container.name", "app", "team", "a")),
        null);
    fake.emit("default", "/containers/update", ContainerUpdate.newBuilder().setId("c2").build());
    await("c2", c -> "a".equals(c.get().labels().get("team")));

    fake.emit(
        "default", "/tasks/start", TaskStart.newBuilder().setContainerId("c2").setPid(200).build());
    ContainerInfo started = await("c2", c -> c.get().state() == ContainerState.RUNNING);
    assertThat(started.pid()).isEqualTo(200);
    assertThat(started.startedAt()).hasValue(java.time.Instant.ofEpochSecond(1_790_000_000L));

    fake.emit("default", "/tasks/paused", TaskPaused.newBuilder().setContainerId("c2").build());
    assertThat(await("c2", c -> c.get().state() == ContainerState.PAUSED).pid()).isEqualTo(200);
    fake.emit("default", "/tasks/resumed", TaskResumed.newBuilder().setContainerId("c2").build());
    await("c2", c -> c.get().state() == ContainerState.RUNNING);

    fake.emit("default", "/tasks/oom", TaskOOM.newBuilder().setContainerId("c2").build());
    // An exec'd process exiting does not end the task.
    fake.emit(
        "default",
        "/tasks/exit",
        TaskExit.newBuilder()
            .setContainerId("c2")
            .setId("exec-1")
            .setPid(333)
            .setExitStatus(1)
            .build());
    fake.emit(
        "default",
        "/tasks/exit",
        TaskExit.newBuilder()
            .setContainerId("c2")
            .setId("c2")
            .setPid(200)
            .setExitStatus(137)
            .setExitedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_790_000_009L))
            .build());
    ContainerInfo exited = await("c2", c -> c.get().state() == ContainerState.EXITED);
    assertThat(exited.exitCode()).hasValue(137);
    assertThat(exited.oomKilled()).isTrue();
    assertThat(exited.pid()).isZero();
    assertThat(exited.finishedAt()).hasValue(java.time.Instant.ofEpochSecond(1_790_000_009L));

    fake.emit(
        "default",
        "/tasks/delete",
        TaskDelete.newBuilder().setContainerId("c2").setPid(200).setExitStatus(137).build());
    // The task is gone, the container stays, and so does how it ended, also after a resync.
    runtime.resync();
    ContainerInfo deleted = find("c2").orElseThrow();
    assertThat(deleted.state()).isEqualTo(ContainerState.EXITED);
    assertThat(deleted.exitCode()).hasValue(137);

    // Events of an excluded namespace are ignored.
    fake.put("moby", container("m2", Map.of()), null);
    fake.emit("moby", "/containers/create", ContainerCreate.newBuilder().setId("m2").build());
    fake.emit("default", "/containers/delete", ContainerDelete.newBuilder().setId("c2").build());
    await("c2", Optional::isEmpty);
    assertThat(runtime.containers())
        .extracting(ContainerInfo::id)
        .containsExactlyInAnyOrder("c1", "sb");
  }

  @Test
  void onlyTheListedNamespaces() throws Exception {
    fake.put("default", container("c1", Map.of()), task("c1", 100, Status.RUNNING));
    fake.put("k8s.io", container("k1", Map.of()), task("k1", 101, Status.PAUSED));
    start(List.of("k8s.io"));

    assertThat(runtime.containers())
        .extracting(ContainerInfo::id, ContainerInfo::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("k1", ContainerState.PAUSED));
  }

  @Test
  void losingContainerdFailsUntilItIsBack() throws Exception {
    fake.put("default", container("c1", Map.of()), task("c1", 100, Status.RUNNING));
    start(List.of());
    assertThat(runtime.containers()).hasSize(1);

    fake.crash();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        runtime.containers();
      } catch (java.io.IOException e) {
        assertThat(e)
            .hasMessageContaining("containerd at /nonexistent/containerd.sock: UNAVAILABLE");
        break;
      }
      assertThat(System.nanoTime())
          .as("containers() fails once containerd is gone")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThatThrownBy(runtime::containers).isInstanceOf(java.io.IOException.class);

    // Back, with a container created meanwhile: within the backoff (500 ms here).
    fake.put("default", container("c3", Map.of()), task("c3", 300, Status.RUNNING));
    fake.up = true;
    deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<ContainerInfo> back = null;
    while (back == null) {
      try {
        back = runtime.containers();
      } catch (java.io.IOException e) {
        assertThat(System.nanoTime()).as("back within the backoff").isLessThan(deadline);
        Thread.sleep(20);
      }
    }
    assertThat(back).extracting(ContainerInfo::id).containsExactlyInAnyOrder("c1", "c3");
  }

  @Test
  void theFirstCycleAfterContainerdIsBackIsRightWhateverTheBackoff() throws Exception {
    fake.put("default", container("c1", Map.of()), task("c1", 100, Status.RUNNING));
    start(List.of(), Duration.ofMinutes(5));
    assertThat(runtime.containers()).hasSize(1);

    fake.crash();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int failedCycles = 0;
    // Each failing cycle makes an attempt of its own; the backoff meanwhile grows past 8 s.
    while (failedCycles < 6) {
      try {
        runtime.containers();
        assertThat(System.nanoTime())
            .as("containers() fails once containerd is gone")
            .isLessThan(deadline);
        Thread.sleep(20);
      } catch (java.io.IOException e) {
        failedCycles++;
      }
    }
    fake.put("default", container("c2", Map.of()), task("c2", 200, Status.RUNNING));
    fake.up = true;

    assertThat(runtime.containers())
        .as("the very next cycle")
        .extracting(ContainerInfo::id)
        .containsExactlyInAnyOrder("c1", "c2");
  }

  @Test
  void noSocketThatNeverAnsweredMeansNoContainerdHere() throws Exception {
    ManagedChannel nowhere =
        InProcessChannelBuilder.forName(InProcessServerBuilder.generateName()).build();
    runtime = new ContainerdRuntime();
    runtime.start(
        new ContainerdConfig(
            Path.of("/nonexistent/containerd.sock"),
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Duration.ofMillis(500),
            Duration.ofSeconds(1)),
        LoggerFactory.getLogger("containerd-test"),
        nowhere,
        () -> false);

    assertThat(runtime.containers()).isEmpty();
    assertThat(new ArrayList<>(runtime.containers())).isEmpty();
  }

  @Test
  void noThreadUntilTheSocketAppearsThenTheFirstCycleHasItsContainers() throws Exception {
    fake.put("default", container("c1", Map.of()), task("c1", 100, Status.RUNNING));
    AtomicBoolean socket = new AtomicBoolean();
    start(List.of(), Duration.ofMillis(500), socket::get);
    assertThat(runtime.containers()).isEmpty();
    assertThat(runtime.containers()).isEmpty();
    assertThat(fake.namespacesSeen).as("nothing dialled").isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .doesNotContain("containerd-watch");

    socket.set(true);
    assertThat(runtime.containers()).extracting(ContainerInfo::id).containsExactly("c1");
  }
}
