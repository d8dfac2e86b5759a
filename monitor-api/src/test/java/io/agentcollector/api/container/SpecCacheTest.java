package io.agentcollector.api.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpecCacheTest {

  private final AtomicInteger reads = new AtomicInteger();

  private Integer read() {
    return reads.incrementAndGet();
  }

  @Test
  void keptForTheSameDescriptionReadAgainForANewOne() throws Exception {
    SpecCache<Integer> cache = new SpecCache<>(Duration.ofHours(1));
    ContainerInfo c = ContainerInfo.running("docker", "abc", "web", "nginx", 42, "/docker/abc");
    assertThat(cache.get(c, this::read)).isEqualTo(1);
    assertThat(cache.get(c, this::read)).isEqualTo(1);
    ContainerInfo updated =
        ContainerInfo.running("docker", "abc", "web", "nginx", 42, "/docker/abc");
    assertThat(cache.get(updated, this::read)).as("docker re-inspected it").isEqualTo(2);
    assertThat(cache.get(updated, this::read)).isEqualTo(2);
  }

  @Test
  void readAgainWhenOlderThanTheMaximumAge() throws Exception {
    SpecCache<Integer> cache = new SpecCache<>(Duration.ofMillis(1));
    ContainerInfo c = ContainerInfo.running("docker", "abc", "web", "nginx", 42, "/docker/abc");
    assertThat(cache.get(c, this::read)).isEqualTo(1);
    Thread.sleep(5);
    assertThat(cache.get(c, this::read)).isEqualTo(2);
    assertThat(SpecCache.MAX_AGE).isEqualTo(Duration.ofSeconds(30));
  }
}
