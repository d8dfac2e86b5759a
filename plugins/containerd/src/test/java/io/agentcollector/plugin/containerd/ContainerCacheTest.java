package io.agentcollector.plugin.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.plugin.containerd.ContainerMapping.Meta;
import io.agentcollector.plugin.containerd.ContainerMapping.Task;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.agentcollector.plugin.containerd.api.types.Status;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listings and events meeting in the cache: what happened during a listing is not undone by it. */
class ContainerCacheTest {

  final ContainerCache cache = new ContainerCache();

  static Meta meta(String id) {
    return ContainerMapping.meta(
        "default", Container.newBuilder().setId(id).setImage("busybox").build());
  }

  static Process running(String id, int pid) {
    return Process.newBuilder().setId(id).setPid(pid).setStatus(Status.RUNNING).build();
  }

  Optional<ContainerInfo> find(String id) {
    return cache.infos().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  @Test
  void aContainerCreatedDuringAListingStays() {
    long since = cache.mark();
    // The listing has been read; then the create event comes in before it is applied.
    Map<String, Meta> listed = Map.of("default/a", meta("a"));
    cache.putMeta("default/b", meta("b"));
    cache.putTask("default/b", Task.started(22, Optional.empty()));

    cache.replace(since, listed, Map.of("default/a", running("a", 11)));

    assertThat(find("a").orElseThrow().pid()).isEqualTo(11);
    assertThat(find("b").orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
    assertThat(find("b").orElseThrow().pid()).isEqualTo(22);
  }

  @Test
  void aContainerDeletedDuringAListingIsNotBroughtBack() {
    cache.replace(
        cache.mark(), Map.of("default/a", meta("a")), Map.of("default/a", running("a", 11)));
    long since = cache.mark();
    cache.remove("default/a");

    cache.replace(since, Map.of("default/a", meta("a")), Map.of("default/a", running("a", 11)));

    assertThat(cache.infos()).isEmpty();
  }

  @Test
  void aTaskChangedDuringAListingKeepsTheEventsVersionUntilTheNextListing() {
    cache.replace(
        cache.mark(), Map.of("default/a", meta("a")), Map.of("default/a", running("a", 11)));
    long since = cache.mark();
    cache.updateTask("default/a", t -> t.exited(137, Optional.empty()));

    cache.replace(since, Map.of("default/a", meta("a")), Map.of("default/a", running("a", 11)));
    assertThat(find("a").orElseThrow().state())
        .as("the kill came after the listing was read")
        .isEqualTo(ContainerState.EXITED);

    Process stopped =
        Process.newBuilder()
            .setId("a")
            .setPid(11)
            .setStatus(Status.STOPPED)
            .setExitStatus(137)
            .build();
    cache.replace(cache.mark(), Map.of("default/a", meta("a")), Map.of("default/a", stopped));
    assertThat(find("a").orElseThrow().exitCode()).hasValue(137);
  }

  @Test
  void aTaskThatVanishedUnseenEndsAsExitedWithNoExitCode() {
    cache.replace(
        cache.mark(), Map.of("default/a", meta("a")), Map.of("default/a", running("a", 11)));

    // Deleted while we were disconnected: the next listing has the container but no task.
    cache.replace(cache.mark(), Map.of("default/a", meta("a")), Map.of());

    ContainerInfo a = find("a").orElseThrow();
    assertThat(a.state()).isEqualTo(ContainerState.EXITED);
    assertThat(a.exitCode()).isEmpty();
    assertThat(a.pid()).isZero();
  }

  @Test
  void aContainerThatNeverHadATaskIsCreated() {
    cache.replace(cache.mark(), Map.of("default/a", meta("a")), Map.of());

    assertThat(find("a").orElseThrow().state()).isEqualTo(ContainerState.CREATED);
  }
}
