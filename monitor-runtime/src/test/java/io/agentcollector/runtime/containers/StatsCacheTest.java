package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatsCacheTest {

  private final TokenReader reader = new TokenReader();
  private final StatsCache cache = new StatsCache(Duration.ofSeconds(30));
  private final ContainerInfo web =
      ContainerInfo.running("docker", "a1", "web", "img", 4242, "/docker/a1");

  /** The CPU usage counter in nanoseconds, as a cgroup v1 reader would have it. */
  record Usage(long nanos) implements ContainerStatsReader.Activity {}

  /** Usage from {@code nanos}, or from the token when one is handed in. */
  static final class TokenReader implements ContainerStatsReader {
    long nanos = 1_500_000_000L;
    boolean hasActivity = true;
    final List<Activity> handed = new ArrayList<>();
    int reads;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean active() {
      return true;
    }

    @Override
    public Optional<Activity> activity(ContainerInfo c) {
      return hasActivity ? Optional.of(new Usage(nanos)) : Optional.empty();
    }

    @Override
    public Optional<ContainerStats> read(ContainerInfo c) {
      return read(c, null);
    }

    @Override
    public Optional<ContainerStats> read(ContainerInfo c, Activity activity) {
      reads++;
      handed.add(activity);
      long n = activity instanceof Usage u ? u.nanos() : nanos;
      return Optional.of(stats(n / 1e9));
    }
  }

  static ContainerStats stats(double usageSeconds) {
    return new ContainerStats(
        new ContainerStats.Cpu(usageSeconds, List.of(), 0, 0, 0, 0, 0, OptionalLong.empty(), 0, 0),
        new ContainerStats.Memory(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        List.of(),
        new ContainerStats.Pids(1, 1, 0));
  }

  private double usage(long nowMillis) throws Exception {
    cache.beginCycle();
    double u = cache.stats(reader, web, nowMillis).orElseThrow().cpu().usageSeconds();
    cache.endCycle();
    return u;
  }

  @Test
  void theFullReadIsHandedTheActivityJustRead() throws Exception {
    assertThat(usage(0)).isEqualTo(1.5);
    assertThat(reader.handed).containsExactly(new Usage(1_500_000_000L));
  }

  @Test
  void anIdleContainerKeepsItsReadingUpToIdleRefresh() throws Exception {
    usage(0);
    assertThat(usage(29_999)).isEqualTo(1.5);
    assertThat(reader.reads).isEqualTo(1);
    assertThat(usage(30_000)).as("idle-refresh reached").isEqualTo(1.5);
    assertThat(reader.reads).isEqualTo(2);
    assertThat(usage(45_000)).as("kept from the read at 30 s").isEqualTo(1.5);
    assertThat(reader.reads).isEqualTo(2);
  }

  @Test
  void aContainerThatRanIsReadAgainWithItsNewActivity() throws Exception {
    usage(0);
    reader.nanos = 2_250_000_000L;
    assertThat(usage(5_000)).isEqualTo(2.25);
    assertThat(reader.handed).containsExactly(new Usage(1_500_000_000L), new Usage(2_250_000_000L));
  }

  @Test
  void aNewDescriptionFromTheRuntimeIsReadAgain() throws Exception {
    usage(0);
    ContainerInfo paused =
        web.withState(ContainerState.PAUSED, OptionalInt.empty(), false, Optional.empty());
    cache.beginCycle();
    cache.stats(reader, paused, 5_000);
    cache.endCycle();
    assertThat(reader.reads).isEqualTo(2);
  }

  @Test
  void aContainerNotReadInACycleIsForgotten() throws Exception {
    usage(0);
    cache.beginCycle();
    cache.endCycle(); // the container was stopped
    usage(5_000);
    assertThat(reader.reads).isEqualTo(2);
  }

  @Test
  void withoutActivityOrWithIdleRefreshZeroEveryCycleReadsWithoutToken() throws Exception {
    reader.hasActivity = false;
    usage(0);
    usage(5_000);
    assertThat(reader.reads).isEqualTo(2);

    StatsCache never = new StatsCache(Duration.ZERO);
    reader.hasActivity = true;
    never.stats(reader, web, 0);
    never.endCycle();
    never.stats(reader, web, 1);
    assertThat(reader.reads).isEqualTo(4);
    assertThat(reader.handed).containsOnlyNulls();
  }
}
