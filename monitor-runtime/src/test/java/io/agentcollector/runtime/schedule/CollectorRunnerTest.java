package io.agentcollector.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentcollector.api.Collector;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CollectorRunnerTest {

  private final WorkerPool workers = new WorkerPool(2, 2);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final FakeClock clock = FakeClock.fixed();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).addAppender(logs);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).detachAppender(logs);
    workers.close();
    timer.shutdownNow();
  }

  /** A collector whose behaviour per cycle the test scripts. */
  private static final class Scripted implements Collector {
    volatile boolean fail;
    volatile CountDownLatch block;
    volatile boolean ignoreInterrupt;
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final AtomicBoolean interrupted = new AtomicBoolean();
    final String family;

    Scripted(String family) {
      this.family = family;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public MetricSnapshots collect() throws Exception {
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      try {
        CountDownLatch b = block;
        if (b != null) {
          if (ignoreInterrupt) {
            while (b.getCount() > 0) {
              try {
                b.await();
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
            }
          } else {
            try {
              b.await();
            } catch (InterruptedException e) {
              interrupted.set(true);
              throw e;
            }
          }
        }
        if (fail) {
          throw new java.io.IOException("cannot read /proc/stat");
        }
        MetricFamilies f = new MetricFamilies();
        f.gauge(family, "h").add(1, "k", "v");
        return f.build();
      } finally {
        concurrent.decrementAndGet();
      }
    }
  }

  private CollectorRunner runner(Collector c, Duration timeout, FamilyOwners owners, PluginGate gate) {
    return new CollectorRunner("p", c, Duration.ofSeconds(5), timeout, clock,
        new LabelInjector(Map.of("host", "h1")), owners, gate);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private List<String> messages() {
    return logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  @Test
  void successServesTheSnapshotWithTheHostLabel() throws Exception {
    Scripted c = new Scripted("x_value");
    CollectorRunner r = runner(c, Duration.ofSeconds(1), new FamilyOwners(), new PluginGate());
    r.tick(workers, timer);
    await(r::finishedOnce);
    assertThat(r.state()).isEqualTo(CollectorState.OK);
    assertThat(r.series()).isEqualTo(1);
    assertThat(Exposition.value(r.current(), "x_value", "k", "v", "host", "h1")).hasValue(1);
    assertThat(r.lastSuccessMillis()).isEqualTo(clock.millis());
  }

  @Test
  void failureKeepsTheLastGoodSnapshotUntilStaleAndLogsOncePerStateChange() throws Exception {
    Scripted c = new Scripted("x_value");
    CollectorRunner r = runner(c, Duration.ofSeconds(1), new FamilyOwners(), new PluginGate());
    r.runOnce(timer);
    c.fail = true;
    r.runOnce(timer);
    r.runOnce(timer);
    r.runOnce(timer);
    assertThat(r.state()).isEqualTo(CollectorState.FAILING);
    assertThat(r.errors()).isEqualTo(3);
    assertThat(r.lastError()).isEqualTo("IOException: cannot read /proc/stat");
    assertThat(r.current()).as("last good result still served").hasSize(1);
    clock.advance(Duration.ofSeconds(16));
    assertThat(r.current()).as("stale after 3 intervals").isEmpty();
    c.fail = false;
    r.runOnce(timer);
    r.runOnce(timer);
    assertThat(r.state()).isEqualTo(CollectorState.OK);
    assertThat(messages())
        .containsExactly(
            "WARN collector p/scripted failing: IOException: cannot read /proc/stat",
            "INFO collector p/scripted recovered");
  }

  @Test
  void cpuTimeOfTheCyclesIsCountedNotTheirWallTime() throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Collector busy = new Collector() {
      @Override
      public String name() {
        return "busy";
      }

      @Override
      public MetricSnapshots collect() {
        long until = threads.getCurrentThreadCpuTime() + 50_000_000L;
        while (threads.getCurrentThreadCpuTime() < until) {
          Thread.onSpinWait();
        }
        return MetricSnapshots.of();
      }
    };
    Collector sleepy = new Collector() {
      @Override
      public String name() {
        return "sleepy";
      }

      @Override
      public MetricSnapshots collect() throws Exception {
        Thread.sleep(200);
        return MetricSnapshots.of();
      }
    };
    CollectorRunner b = runner(busy, Duration.ofSeconds(5), new FamilyOwners(), new PluginGate());
    CollectorRunner s = runner(sleepy, Duration.ofSeconds(5), new FamilyOwners(), new PluginGate());
    b.runOnce(timer);
    b.runOnce(timer);
    s.runOnce(timer);
    assertThat(b.cpuSeconds()).as("two cycles of 50 ms CPU each").isGreaterThanOrEqualTo(0.1);
    assertThat(s.cpuSeconds()).as("200 ms asleep").isLessThan(0.1);
  }

  @Test
  void versionChangesWithEveryCycleAndWhenTheResultGoesStale() throws Exception {
    Scripted c = new Scripted("x_value");
    CollectorRunner r = runner(c, Duration.ofSeconds(1), new FamilyOwners(), new PluginGate());
    long pending = r.version();
    r.runOnce(timer);
    long ok = r.version();
    assertThat(ok).isNotEqualTo(pending);
    assertThat(r.version()).as("nothing happened").isEqualTo(ok);
    c.fail = true;
    r.runOnce(timer);
    long failed = r.version();
    assertThat(failed).as("the self-metrics changed").isNotEqualTo(ok);
    clock.advance(Duration.ofSeconds(16));
    assertThat(r.version()).as("stale: current() is empty now").isNotEqualTo(failed);
    c.fail = false;
    r.runOnce(timer);
    assertThat(r.version()).isNotIn(pending, ok, failed);
  }

  @Test
  void aCycleOverItsTimeoutIsInterruptedAndCountedAsFailure() throws Exception {
    Scripted c = new Scripted("x_value");
    c.block = new CountDownLatch(1);
    CollectorRunner r = runner(c, Duration.ofMillis(200), new FamilyOwners(), new PluginGate());
    r.tick(workers, timer);
    await(r::finishedOnce);
    await(c.interrupted::get);
    assertThat(r.state()).isEqualTo(CollectorState.FAILING);
    assertThat(r.errors()).isEqualTo(1);
    assertThat(r.lastError()).isEqualTo("timed out after 200ms and was interrupted");
    assertThat(r.lastDurationSeconds()).isEqualTo(0.2);
  }

  @Test
  void aCollectorThatIgnoresInterruptsNeverRunsTwiceAtOnce() throws Exception {
    Scripted c = new Scripted("x_value");
    CountDownLatch release = new CountDownLatch(1);
    c.block = release;
    c.ignoreInterrupt = true;
    CollectorRunner r = runner(c, Duration.ofMillis(100), new FamilyOwners(), new PluginGate());
    r.tick(workers, timer);
    await(c.interrupted::get);
    for (int i = 0; i < 5; i++) {
      r.tick(workers, timer);
    }
    assertThat(c.maxConcurrent.get()).isEqualTo(1);
    assertThat(r.errors()).as("timeout + 5 skipped ticks").isEqualTo(6);
    assertThat(r.lastError()).startsWith("previous cycle still running");
    c.block = null;
    release.countDown();
    await(() -> c.concurrent.get() == 0);
    await(() -> {
      r.tick(workers, timer);
      return r.state() == CollectorState.OK;
    });
    assertThat(c.maxConcurrent.get()).isEqualTo(1);
  }

  @Test
  void aFamilyClashDisablesTheLaterPluginAndKeepsTheFirst() throws Exception {
    FamilyOwners owners = new FamilyOwners();
    CollectorRunner first = runner(new Scripted("shared_family"), Duration.ofSeconds(1), owners, new PluginGate());
    PluginGate gate = new PluginGate();
    CollectorRunner second = new CollectorRunner("q", new Scripted("shared_family"), Duration.ofSeconds(5),
        Duration.ofSeconds(1), clock, new LabelInjector(Map.of()), owners, gate);
    first.runOnce(timer);
    second.runOnce(timer);
    assertThat(first.state()).isEqualTo(CollectorState.OK);
    assertThat(second.state()).isEqualTo(CollectorState.DISABLED);
    assertThat(second.lastError())
        .isEqualTo("metric family shared_family is already exposed by p/scripted; plugin q is disabled");
    assertThat(second.current()).isEmpty();
    assertThat(gate.reason()).isPresent();
  }

  @Test
  void selfMetricNamesAreReserved() {
    FamilyOwners owners = new FamilyOwners();
    owners.reserve("monitor_collector_success", "the agent's self-metrics");
    MetricFamilies f = new MetricFamilies();
    f.gauge("monitor_collector_success", "h").add(1);
    assertThat(owners.claim("p/c", f.build()))
        .contains("metric family monitor_collector_success is already exposed by the agent's self-metrics");
  }
}
