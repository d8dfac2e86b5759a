package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ContainerTrackerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ContainerTracker tracker = new ContainerTracker(Duration.ofMinutes(5));
  private final ContainerInfo web =
      ContainerInfo.running("docker", "a1", "web", "img", 4242, "/docker/a1");
  private final ContainerInfo db = ContainerInfo.running("containerd", "a1", "db", "img", 4343, "");

  @Test
  void theSameIdInTwoRuntimesIsTwoContainers() {
    ContainerTracker.Tracked t = tracker.track(List.of(web, db), T0);
    assertThat(t.visible()).containsExactlyInAnyOrder(web, db);
    assertThat(tracker.lastKnown("containerd")).containsExactly(db);
    assertThat(web.key()).isEqualTo(new ContainerKey("docker", "a1")).isNotEqualTo(db.key());
    assertThat(web.key()).hasToString("docker/a1");
  }

  @Test
  void aRemovedRunningContainerShowsExitedUntilTheRetentionEnds() {
    tracker.track(List.of(web, db), T0);
    Instant removedAt = T0.plusSeconds(10);
    ContainerInfo gone =
        tracker.track(List.of(db), removedAt).visible().stream()
            .filter(c -> c.id().equals("a1") && c.runtime().equals("docker"))
            .findFirst()
            .orElseThrow();
    assertThat(gone.state()).isEqualTo(ContainerState.EXITED);
    assertThat(gone.pid()).isZero();
    assertThat(gone.finishedAt()).hasValue(removedAt);

    assertThat(tracker.track(List.of(db), removedAt.plus(Duration.ofMinutes(5))).visible())
        .as("retention is inclusive")
        .hasSize(2);
    ContainerTracker.Tracked after =
        tracker.track(List.of(db), removedAt.plus(Duration.ofMinutes(5)).plusSeconds(1));
    assertThat(after.visible()).containsExactly(db);
    assertThat(after.expired()).containsExactly(new ContainerKey("docker", "a1"));
    assertThat(tracker.track(List.of(db), removedAt.plus(Duration.ofMinutes(6))).expired())
        .as("expired once")
        .isEmpty();
  }

  @Test
  void anExitedContainerCountsFromItsFinishTimeAndKeepsItAfterRemoval() {
    Instant finished = T0.minus(Duration.ofMinutes(3));
    ContainerInfo exited =
        web.withState(ContainerState.EXITED, OptionalInt.of(137), true, Optional.of(finished));
    assertThat(tracker.track(List.of(exited), T0).visible()).containsExactly(exited);
    // docker rm: its last state stays as it was, the clock still runs from the finish time.
    assertThat(tracker.track(List.of(), T0.plus(Duration.ofMinutes(2))).visible())
        .containsExactly(exited);
    ContainerTracker.Tracked t =
        tracker.track(List.of(), T0.plus(Duration.ofMinutes(2)).plusSeconds(1));
    assertThat(t.visible()).isEmpty();
    assertThat(t.expired()).containsExactly(exited.key());
  }

  @Test
  void anExitedContainerWithoutFinishTimeCountsFromWhenItWasFirstSeenStopped() {
    ContainerInfo exited =
        web.withState(ContainerState.EXITED, OptionalInt.of(0), false, Optional.empty());
    tracker.track(List.of(exited), T0);
    Instant end = T0.plus(Duration.ofMinutes(5));
    assertThat(tracker.track(List.of(exited), end).visible()).hasSize(1);
    assertThat(tracker.track(List.of(exited), end.plusMillis(1)).visible()).isEmpty();
  }

  @Test
  void aRestartedContainerIsNotStoppedAnyMore() {
    ContainerInfo exited =
        web.withState(ContainerState.EXITED, OptionalInt.of(1), false, Optional.of(T0));
    tracker.track(List.of(exited), T0);
    ContainerTracker.Tracked t = tracker.track(List.of(web), T0.plus(Duration.ofHours(1)));
    assertThat(t.visible()).containsExactly(web);
    assertThat(t.expired()).isEmpty();
  }

  @Test
  void clearForgetsEverything() {
    tracker.track(List.of(web), T0);
    tracker.clear();
    assertThat(tracker.lastKnown("docker")).isEmpty();
    assertThat(tracker.track(List.of(), T0.plusSeconds(1)).visible()).isEmpty();
  }
}
