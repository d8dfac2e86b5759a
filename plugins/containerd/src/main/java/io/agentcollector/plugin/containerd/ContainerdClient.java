package io.agentcollector.plugin.containerd;

import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.containers.ContainersGrpc;
import io.agentcollector.plugin.containerd.api.containers.GetContainerRequest;
import io.agentcollector.plugin.containerd.api.containers.ListContainersRequest;
import io.agentcollector.plugin.containerd.api.events.Envelope;
import io.agentcollector.plugin.containerd.api.events.EventsGrpc;
import io.agentcollector.plugin.containerd.api.events.SubscribeRequest;
import io.agentcollector.plugin.containerd.api.namespaces.ListNamespacesRequest;
import io.agentcollector.plugin.containerd.api.namespaces.Namespace;
import io.agentcollector.plugin.containerd.api.namespaces.NamespacesGrpc;
import io.agentcollector.plugin.containerd.api.tasks.ListTasksRequest;
import io.agentcollector.plugin.containerd.api.tasks.TasksGrpc;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The few containerd calls the plugin makes, over one gRPC channel. Every namespaced call carries
 * the namespace in the {@code containerd-namespace} header (containerd answers "namespace is
 * required" otherwise); unary calls get the request timeout as their deadline.
 */
final class ContainerdClient {

  static final Metadata.Key<String> NAMESPACE_HEADER =
      Metadata.Key.of("containerd-namespace", Metadata.ASCII_STRING_MARSHALLER);

  /** The topics the cache follows; containerd ORs filters. */
  static final List<String> EVENT_FILTERS =
      List.of("topic~=\"^/tasks/\"", "topic~=\"^/containers/\"");

  private final Channel channel;
  private final Duration timeout;

  ContainerdClient(Channel channel, Duration timeout) {
    this.channel = channel;
    this.timeout = timeout;
  }

  List<String> namespaces() {
    return NamespacesGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .list(ListNamespacesRequest.getDefaultInstance())
        .getNamespacesList()
        .stream()
        .map(Namespace::getName)
        .toList();
  }

  List<Container> containers(String namespace) {
    return in(namespace, ContainersGrpc.newBlockingStub(channel))
        .list(ListContainersRequest.getDefaultInstance())
        .getContainersList();
  }

  /** Empty when it no longer exists. */
  Optional<Container> container(String namespace, String id) {
    try {
      return Optional.of(
          in(namespace, ContainersGrpc.newBlockingStub(channel))
              .get(GetContainerRequest.newBuilder().setId(id).build())
              .getContainer());
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The init process of every task of the namespace. */
  List<Process> tasks(String namespace) {
    return in(namespace, TasksGrpc.newBlockingStub(channel))
        .list(ListTasksRequest.getDefaultInstance())
        .getTasksList();
  }

  /**
   * Subscribes, without a namespace header, to the task and container events of every namespace;
   * each envelope names its namespace. Cancel the returned context to end the stream.
   */
  Context.CancellableContext subscribe(StreamObserver<Envelope> observer) {
    Context.CancellableContext ctx = Context.current().withCancellation();
    ctx.run(
        () ->
            EventsGrpc.newStub(channel)
                .subscribe(
                    SubscribeRequest.newBuilder().addAllFilters(EVENT_FILTERS).build(), observer));
    return ctx;
  }

  private <S extends AbstractStub<S>> S in(String namespace, S stub) {
    Metadata headers = new Metadata();
    headers.put(NAMESPACE_HEADER, namespace);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
