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

  private CollectorRunner runner(
      Collector c, Duration timeout, FamilyOwners owners, SeriesBudget budget) {
    return new CollectorRunner(
        new CollectorSpec("p", c, Duration.ofSeconds(5), timeout, budget),
        new RunnerServices(clock, new LabelInjector(Map.of("host", "h1")), owners));
  }

  /** A runner without labels and with no budget, sharing {@code owners}. */
  private CollectorRunner unlabelled(String plugin, Collector c, FamilyOwners owners) {
    return new CollectorRunner(
        new CollectorSpec(
            plugin, c, Duration.ofSeconds(5), Duration.ofSeconds(1), SeriesBudget.unlimited()),
        new RunnerServices(clock, new LabelInjector(Map.of()), owners));
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
    CollectorRunner r =
        runner(c, Duration.ofSeconds(1), new FamilyOwners(), SeriesBudget.unlimited());
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
    CollectorRunner r =
        runner(c, Duration.ofSeconds(1), new FamilyOwners(), SeriesBudget.unlimited());
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
    Collector busy =
        new Collector() {
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
    Collector sleepy =
        new Collector() {
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
    CollectorRunner b =
        runner(busy, Duration.ofSeconds(5), new FamilyOwners(), SeriesBudget.unlimited());
    CollectorRunner s =
        runner(sleepy, Duration.ofSeconds(5), new FamilyOwners(), SeriesBudget.unlimited());
    b.runOnce(timer);
    b.runOnce(timer);
    s.runOnce(timer);
    assertThat(b.cpuSeconds()).as("two cycles of 50 ms CPU each").isGreaterThanOrEqualTo(0.1);
    assertThat(s.cpuSeconds()).as("200 ms asleep").isLessThan(0.1);
  }

  @Test
  void versionChangesWithEveryCycleAndWhenTheResultGoesStale() throws Exception {
    Scripted c = new Scripted("x_value");
    CollectorRunner r =
        runner(c, Duration.ofSeconds(1), new FamilyOwners(), SeriesBudget.unlimited());
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
    CollectorRunner r =
        runner(c, Duration.ofMillis(200), new FamilyOwners(), SeriesBudget.unlimited());
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
    CollectorRunner r =
        runner(c, Duration.ofMillis(100), new FamilyOwners(), SeriesBudget.unlimited());
    r.tick(workers, timer);
    await(c.interrupted::get);
    // The watchdog counts the timeout just after the interrupt: wait for it, or the ticks below
    // can come before it marks the cycle stuck.
    await(() -> r.errors() == 1);
    for (int i = 0; i < 5; i++) {
      r.tick(workers, timer);
    }
    assertThat(c.maxConcurrent.get()).isEqualTo(1);
    assertThat(r.errors()).as("timeout + 5 skipped ticks").isEqualTo(6);
    assertThat(r.lastError()).startsWith("previous cycle still running");
    c.block = null;
    release.countDown();
    await(() -> c.concurrent.get() == 0);
    await(
        () -> {
          r.tick(workers, timer);
          return r.state() == CollectorState.OK;
        });
    assertThat(c.maxConcurrent.get()).isEqualTo(1);
  }

  /** A collector exposing whichever families the test sets, each with one sample. */
  private static class Families implements Collector {
    private final String name;
    volatile List<String> gauges = List.of();
    volatile int samples = 1;

    Families(String name, String... gauges) {
      this.name = name;
      this.gauges = List.of(gauges);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public MetricSnapshots collect() {
      MetricFamilies f = new MetricFamilies();
      for (String g : gauges) {
        var fam = f.gauge(g, "h");
        for (int i = 0; i < samples; i++) {
          fam.add(i, "i", String.valueOf(i));
        }
      }
      return f.build();
    }
  }

  @Test
  void aClashingFamilyIsWithheldTheRestServedAndItHealsWhenTheClashGoesAway() throws Exception {
    FamilyOwners owners = new FamilyOwners();
    Families a = new Families("a", "shared_family");
    Families b = new Families("b", "shared_family", "b_only");
    CollectorRunner first = unlabelled("p", a, owners);
    CollectorRunner second = unlabelled("q", b, owners);
    first.runOnce(timer);
    second.runOnce(timer);
    second.runOnce(timer);
    assertThat(first.state()).isEqualTo(CollectorState.OK);
    assertThat(second.state()).as("not all good").isEqualTo(CollectorState.FAILING);
    assertThat(second.errors()).isEqualTo(2);
    assertThat(second.lastError())
        .isEqualTo("metric family shared_family withheld: shared_family is already exposed by p/a");
    assertThat(Exposition.value(second.current(), "b_only", "i", "0"))
        .as("the rest is served")
        .hasValue(0);
    assertThat(Exposition.text(second.current())).doesNotContain("shared_family");
    assertThat(second.lastSuccessMillis()).as("a partial cycle is no success").isEqualTo(-1);
    assertThat(second.series()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(16));
    second.runOnce(timer);
    assertThat(second.current()).as("fresh although failing").hasSize(1);

    a.gauges = List.of("a_only");
    first.runOnce(timer);
    second.runOnce(timer);
    assertThat(second.state()).isEqualTo(CollectorState.OK);
    assertThat(Exposition.value(second.current(), "shared_family", "i", "0")).hasValue(0);
    assertThat(messages())
        .containsExactly(
            "WARN collector q/b failing: metric family shared_family withheld: shared_family is already exposed by p/a",
            "INFO collector q/b recovered");
  }

  @Test
  void aCollectorThatYieldsLosesTheNameAtOnceAndTheOtherNeverFails() throws Exception {
    FamilyOwners owners = new FamilyOwners();
    Families textfile = new Families("textfile", "node_load1", "job_ok");
    Families loadavg = new Families("loadavg", "node_load1");
    CollectorRunner t = unlabelled("textfile", textfile, owners);
    CollectorRunner l = unlabelled("cpu", loadavg, owners);
    assertThat(owners.otherOwner("textfile/textfile", "node_load1"))
        .as("textfile asks: it yields")
        .isEmpty();
    t.runOnce(timer);
    assertThat(Exposition.value(t.current(), "node_load1", "i", "0"))
        .as("nobody else had it")
        .hasValue(0);
    l.runOnce(timer);
    assertThat(l.state()).isEqualTo(CollectorState.OK);
    assertThat(Exposition.value(l.current(), "node_load1", "i", "0")).hasValue(0);
    assertThat(Exposition.text(t.current()))
        .as("served once only")
        .doesNotContain("node_load1")
        .contains("job_ok");
    assertThat(owners.otherOwner("textfile/textfile", "node_load1")).contains("cpu/loadavg");
  }

  @Test
  void aResultOverTheSeriesBudgetIsRefusedWholeAndCounted() throws Exception {
    Families c = new Families("c", "x_value", "y_value");
    SeriesBudget budget = new SeriesBudget(10, "plugins.p.max-series");
    CollectorRunner r = runner(c, Duration.ofSeconds(1), new FamilyOwners(), budget);
    c.samples = 5;
    r.runOnce(timer);
    assertThat(r.state()).as("10 series: at the budget is within it").isEqualTo(CollectorState.OK);
    c.samples = 6;
    r.runOnce(timer);
    r.runOnce(timer);
    assertThat(r.state()).isEqualTo(CollectorState.FAILING);
    assertThat(r.budgetExceeded()).isEqualTo(2);
    assertThat(r.lastError())
        .isEqualTo(
            "series budget exceeded: 12 series, plugins.p.max-series = 10"
                + " (result refused, the last good one is served until stale)");
    assertThat(Exposition.value(r.current(), "x_value", "i", "4", "host", "h1"))
        .as("previous good result")
        .hasValue(4);
    assertThat(Exposition.value(r.current(), "x_value", "i", "5", "host", "h1")).isEmpty();
    c.samples = 1;
    r.runOnce(timer);
    assertThat(r.state()).isEqualTo(CollectorState.OK);
    assertThat(r.budgetExceeded()).isEqualTo(2);
    assertThat(messages())
        .containsExactly(
            "WARN collector p/c failing: series budget exceeded: 12 series, plugins.p.max-series = 10"
                + " (result refused, the last good one is served until stale)",
            "INFO collector p/c recovered");
  }

  @Test
  void aCutReportedByTheCollectorCountsOncePerCycle() throws Exception {
    SeriesBudget budget = new SeriesBudget(100, "plugins.p.max-series");
    Families c =
        new Families("c", "x_value") {
          @Override
          public MetricSnapshots collect() {
            budget.reported();
            budget.reported();
            return super.collect();
          }
        };
    CollectorRunner r = runner(c, Duration.ofSeconds(1), new FamilyOwners(), budget);
    r.runOnce(timer);
    assertThat(r.state()).as("what it returns is within the budget").isEqualTo(CollectorState.OK);
    assertThat(r.budgetExceeded()).isEqualTo(1);
  }

  @Test
  void selfMetricNamesAreReserved() {
    FamilyOwners owners = new FamilyOwners();
    owners.reserve("monitor_collector_success", "the agent's self-metrics");
    MetricFamilies f = new MetricFamilies();
    f.gauge("monitor_collector_success", "h").add(1);
    assertThat(owners.claim("p/c", f.build()).clashes())
        .containsExactly(
            "metric family monitor_collector_success withheld: monitor_collector_success is already exposed by the agent's self-metrics");
  }
}
