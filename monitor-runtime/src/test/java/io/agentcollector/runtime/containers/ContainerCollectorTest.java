package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.api.container.ContainerStatsReader.Activity;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCollectorTest {

  private static final String ID = "4f1c2a9b0c3d";

  @TempDir Path host;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeRuntime docker = new FakeRuntime();
  private final FakeReader reader = new FakeReader();
  private ContainerCollector collector;

  static final class FakeRuntime implements ContainerRuntime {
    List<ContainerInfo> containers = new ArrayList<>();
    boolean down;

    @Override
    public String name() {
      return "docker";
    }

    @Override
    public List<ContainerInfo> containers() throws Exception {
      if (down) {
        throw new java.net.ConnectException("connect to /run/docker.sock: Connection refused");
      }
      return containers;
    }
  }

  static final class FakeReader implements ContainerStatsReader {
    double usage = 10;
    String activity;
    int reads;

    record Usage(String text) implements Activity {}

    @Override
    public Optional<Activity> activity(ContainerInfo c) {
      return Optional.ofNullable(activity).map(Usage::new);
    }

    @Override
    public String name() {
      return "cgroup-v1";
    }

    @Override
    public boolean active() {
      return true;
    }

    @Override
    public Optional<ContainerStats> read(ContainerInfo c) {
      reads++;
      return Optional.of(
          new ContainerStats(
              new ContainerStats.Cpu(
                  usage, List.of(), 6, 4, 100, 20, 1.5, OptionalLong.of(50_000), 100_000, 1024),
              new ContainerStats.Memory(
                  30 << 20,
                  20 << 20,
                  18 << 20,
                  12 << 20,
                  0,
                  1 << 20,
                  0,
                  0,
                  31 << 20,
                  67_108_864,
                  0,
                  0,
                  5000,
                  3,
                  2 << 20,
                  10 << 20,
                  0),
              List.of(new ContainerStats.BlockDevice(254, 0, 4096, 8192, 1, 2)),
              new ContainerStats.Pids(1, 3, 0),
              new ContainerStats.Extra(
                  OptionalLong.of(7),
                  java.util.OptionalDouble.of(0.25),
                  OptionalLong.of(11),
                  OptionalLong.of(2),
                  Optional.of(new ContainerStats.Pressure(1.5, 0.5)),
                  Optional.of(new ContainerStats.Pressure(0.25, 0.125)),
                  Optional.empty())));
    }
  }

  @BeforeEach
  void host() throws Exception {
    Files.createDirectories(host.resolve("proc/4242/net"));
    Files.writeString(
        host.resolve("proc/4242/net/dev"),
        """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:     840      10    0    0    0     0          0         0      840      10    0    0    0     0       0          0
          eth0:  123456     100    1    2    0     0          0         0    65432       50    0    3    0     0       0          0
        """);
    Files.writeString(host.resolve("proc/meminfo"), "MemTotal:       24567890 kB\nMemFree: 1 kB\n");
    Files.createDirectories(host.resolve("sys/devices/system/cpu"));
    Files.writeString(host.resolve("sys/devices/system/cpu/online"), "0-1\n");
    Files.createDirectories(host.resolve("sys/dev/block"));
    Files.createSymbolicLink(
        host.resolve("sys/dev/block/254:0"), Path.of("../../devices/virtual/block/vda"));

    docker.containers.add(
        new ContainerInfo(
            "docker",
            ID,
            "web-1",
            "local/busybox:test",
            Map.of(
                "io.kubernetes.pod.name",
                "web-0",
                "io.kubernetes.pod.namespace",
                "shop",
                "io.kubernetes.container.name",
                "app",
                "team",
                "payments"),
            ContainerState.RUNNING,
            4242,
            OptionalInt.empty(),
            false,
            Optional.of(Instant.parse("2025-12-31T23:00:00Z")),
            Optional.of(Instant.parse("2025-12-31T23:00:05Z")),
            Optional.empty(),
            "/docker/" + ID,
            true));
    ContainerEnricher k8s =
        new ContainerEnricher() {
          @Override
          public String name() {
            return "k8s-labels";
          }

          @Override
          public Map<String, String> labels(ContainerInfo c) {
            return Map.of("label_tier", "gold");
          }

          @Override
          public String status() {
            return "unreachable";
          }
        };
    collector = new ContainerCollector(List.of(docker), List.of(reader), List.of(k8s));
    collector.start(
        TestContext.forPlugin("containers")
            .withHostPaths(HostPaths.under(host))
            .withClock(clock)
            .withConfig("label-allowlist = [team]"));
  }

  @Test
  void runningContainerMatchesTheGoldenFile() throws Exception {
    Golden.assertMatches(collector.collect(), "containers-running.prom");
  }

  @Test
  void limitsWorkingSetAndRatios() throws Exception {
    MetricSnapshots first = collector.collect();
    String[] id = {
      "id",
      "/docker/" + ID,
      "name",
      "web-1",
      "container",
      "app",
      "pod",
      "web-0",
      "namespace",
      "shop"
    };
    assertThat(Exposition.value(first, "container_spec_memory_limit_bytes", id)).hasValue(67108864);
    assertThat(Exposition.value(first, "container_spec_cpu_quota", id)).hasValue(50000);
    assertThat(Exposition.value(first, "container_memory_usage_ratio", id))
        .hasValue((20.0 * (1 << 20)) / 67108864);
    assertThat(Exposition.value(first, "container_cpu_usage_ratio", id))
        .as("needs two cycles")
        .isEmpty();
    clock.advance(Duration.ofSeconds(10));
    reader.usage += 5; // 0.5 CPU-seconds per second against a 0.5-CPU quota
    assertThat(Exposition.value(collector.collect(), "container_cpu_usage_ratio", id))
        .hasValue(1.0);
    assertThat(
            Exposition.value(first, "container_network_receive_bytes_total", "interface", "eth0"))
        .hasValue(123456);
    assertThat(Exposition.value(first, "container_network_receive_bytes_total", "interface", "lo"))
        .isEmpty();
    assertThat(Exposition.value(first, "container_fs_reads_bytes_total", "device", "/dev/vda"))
        .hasValue(4096);
    assertThat(Exposition.value(first, "machine_memory_bytes")).hasValue(24567890 * 1024.0);
    assertThat(Exposition.value(first, "machine_cpu_cores")).hasValue(2);
  }

  @Test
  void exitedContainerKeepsStateExitCodeAndOomForTheRetentionThenGoes() throws Exception {
    collector.collect();
    ContainerInfo oom =
        docker
            .containers
            .get(0)
            .withState(
                ContainerState.EXITED, OptionalInt.of(137), true, Optional.of(clock.instant()));
    docker.containers.set(0, oom);
    MetricSnapshots after = collector.collect();
    assertThat(Exposition.value(after, "container_state", "name", "web-1", "state", "exited"))
        .hasValue(1);
    assertThat(Exposition.value(after, "container_state", "name", "web-1", "state", "running"))
        .hasValue(0);
    assertThat(Exposition.value(after, "container_exit_code", "name", "web-1")).hasValue(137);
    assertThat(Exposition.value(after, "container_oom_killed", "name", "web-1")).hasValue(1);
    assertThat(Exposition.value(after, "container_memory_usage_bytes", "name", "web-1"))
        .as("no cgroup any more")
        .isEmpty();

    docker.containers.clear(); // docker rm
    clock.advance(Duration.ofMinutes(4));
    assertThat(Exposition.value(collector.collect(), "container_exit_code", "name", "web-1"))
        .hasValue(137);
    clock.advance(Duration.ofMinutes(2));
    assertThat(Exposition.text(collector.collect())).doesNotContain("web-1");
  }

  @Test
  void removedRunningContainerShowsExitedUntilRetention() throws Exception {
    collector.collect();
    docker.containers.clear(); // docker rm -f
    MetricSnapshots after = collector.collect();
    assertThat(Exposition.value(after, "container_state", "name", "web-1", "state", "exited"))
        .hasValue(1);
    clock.advance(Duration.ofMinutes(6));
    assertThat(Exposition.text(collector.collect())).doesNotContain("web-1");
  }

  @Test
  void aCreatedContainerRemovedBeforeItRanGoesAfterTheRetention() throws Exception {
    docker.containers.set(
        0,
        new ContainerInfo(
            "docker",
            "c2",
            "churn",
            "img",
            Map.of(),
            ContainerState.CREATED,
            0,
            OptionalInt.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "/docker/c2",
            true));
    collector.collect();
    docker.containers.clear();
    assertThat(
            Exposition.value(
                collector.collect(), "container_state", "name", "churn", "state", "exited"))
        .hasValue(1);
    clock.advance(Duration.ofMinutes(6));
    assertThat(Exposition.text(collector.collect())).doesNotContain("churn");
  }

  @Test
  void runtimeDownFailsTheCycleWhenItIsTheOnlyOne() throws Exception {
    collector.collect();
    docker.down = true;
    assertThatThrownBy(collector::collect)
        .hasMessage(
            "no container runtime answered: docker: ConnectException: connect to /run/docker.sock: Connection refused");
    docker.down = false;
    assertThat(
            Exposition.value(
                collector.collect(), "monitor_container_runtime_up", "runtime", "docker"))
        .hasValue(1);
  }

  @Test
  void anIdleContainerKeepsItsLastReadingForTheIdleRefreshPeriod() throws Exception {
    reader.activity = "1000 2000";
    collector.collect();
    reader.usage = 11; // what a full read would now say; the activity reading has not moved
    for (int cycle = 1; cycle < 6; cycle++) {
      clock.advance(Duration.ofSeconds(5));
      MetricSnapshots kept = collector.collect();
      assertThat(Exposition.value(kept, "container_cpu_usage_seconds_total", "name", "web-1"))
          .hasValue(10);
      assertThat(Exposition.value(kept, "container_cpu_usage_ratio", "name", "web-1")).hasValue(0);
    }
    assertThat(reader.reads).isEqualTo(1);

    clock.advance(Duration.ofSeconds(5)); // 30 s since the full read: idle-refresh
    assertThat(
            Exposition.value(
                collector.collect(), "container_cpu_usage_seconds_total", "name", "web-1"))
        .hasValue(11);
    assertThat(reader.reads).isEqualTo(2);
  }

  @Test
  void aContainerThatRanOrChangedIsReadInFull() throws Exception {
    reader.activity = "1000 2000";
    collector.collect();
    clock.advance(Duration.ofSeconds(5));
    reader.activity = "1000 2500";
    collector.collect();
    assertThat(reader.reads).isEqualTo(2);

    // The runtime hands a new description (unpaused, updated, restarted): read again.
    docker.containers.set(
        0,
        docker
            .containers
            .get(0)
            .withState(ContainerState.RUNNING, OptionalInt.empty(), false, Optional.empty()));
    clock.advance(Duration.ofSeconds(5));
    collector.collect();
    assertThat(reader.reads).isEqualTo(3);
    clock.advance(Duration.ofSeconds(5));
    collector.collect();
    assertThat(reader.reads).isEqualTo(3);
  }

  @Test
  void idleRefreshZeroReadsEveryCycle() throws Exception {
    collector.start(
        TestContext.forPlugin("containers")
            .withHostPaths(HostPaths.under(host))
            .withClock(clock)
            .withConfig("idle-refresh = 0s"));
    reader.activity = "1000 2000";
    collector.collect();
    clock.advance(Duration.ofSeconds(5));
    collector.collect();
    assertThat(reader.reads).isEqualTo(2);
  }
}
