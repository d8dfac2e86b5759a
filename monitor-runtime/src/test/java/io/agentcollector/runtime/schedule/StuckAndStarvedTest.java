package io.agentcollector.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentcollector.api.Collector;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.OutOfMemory;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Collectors that never return, collectors starved of threads, and out-of-memory cycles. */
class StuckAndStarvedTest {

  private static final Duration INTERVAL = Duration.ofSeconds(5);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final FakeClock clock = FakeClock.fixed();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  /** Released at the end: until then the stuck collectors never return, interrupted or not. */
  private final CountDownLatch release = new CountDownLatch(1);

  private WorkerPool workers;

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).addAppender(logs);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).detachAppender(logs);
    release.countDown();
    workers.close();
    timer.shutdownNow();
  }

  private Collector stuck(String name) {
    return collector(
        name,
        () -> {
          while (release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException ignored) {
              // ignores interrupts, as a collector stuck in a blocking native call would
            }
          }
        });
  }

  private static Collector collector(String name, Runnable body) {
    return new Collector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public MetricSnapshots collect() {
        body.run();
        MetricFamilies f = new MetricFamilies();
        f.gauge(name + "_value", "h").add(1);
        return f.build();
      }
    };
  }

  private CollectorRunner runner(Collector c, Duration timeout) {
    return new CollectorRunner(
        new CollectorSpec("p", c, INTERVAL, timeout, SeriesBudget.unlimited()),
        new RunnerServices(clock, new LabelInjector(Map.of()), new FamilyOwners()));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private List<String> messages(String collector) {
    return logs.list.stream()
        .map(e -> e.getLevel() + " " + e.getFormattedMessage())
        .filter(m -> m.contains("p/" + collector + " "))
        .toList();
  }

  @Test
  void threadsThatNeverReturnAreGivenUpAndReplacedSoTheOthersKeepTheirInterval() throws Exception {
    workers = new WorkerPool(2, 2);
    CollectorRunner a = runner(stuck("a"), Duration.ofMillis(100));
    CollectorRunner b = runner(stuck("b"), Duration.ofMillis(100));
    AtomicInteger cycles = new AtomicInteger();
    CollectorRunner healthy =
        runner(collector("healthy", cycles::incrementAndGet), Duration.ofSeconds(1));
    a.tick(workers, timer);
    b.tick(workers, timer);
    await(() -> workers.abandoned() == 2);
    for (int i = 1; i <= 5; i++) {
      clock.advance(INTERVAL);
      a.tick(workers, timer);
      b.tick(workers, timer);
      healthy.tick(workers, timer);
      int expected = i;
      await(() -> cycles.get() == expected);
      await(() -> healthy.state() == CollectorState.OK);
      assertThat(healthy.succeeding()).as("healthy after tick %d", i).isTrue();
    }
    assertThat(workers.abandonedTotal()).isEqualTo(2);
    for (CollectorRunner r : List.of(a, b)) {
      assertThat(r.succeeding()).isFalse();
      assertThat(r.state()).isEqualTo(CollectorState.FAILING);
      assertThat(r.errors()).as("the timeout, then one per missed interval").isEqualTo(6);
      assertThat(r.lastError())
          .isEqualTo("previous cycle still running (it ignored the interrupt at its timeout)");
    }
    assertThat(messages("a"))
        .containsExactly("WARN collector p/a failing: timed out after 100ms and was interrupted");
    release.countDown();
    await(() -> workers.abandoned() == 0);
  }

  @Test
  void aCollectorStarvedOfThreadsFailsOncePerMissedIntervalAfterTwoAndRecovers() throws Exception {
    // No thread may be given up: the stuck collector keeps the only worker.
    workers = new WorkerPool(1, 0);
    CollectorRunner hog = runner(stuck("hog"), Duration.ofMillis(50));
    CollectorRunner starved = runner(collector("starved", () -> {}), Duration.ofSeconds(1));
    hog.tick(workers, timer);
    await(() -> hog.state() == CollectorState.FAILING);
    starved.tick(workers, timer);
    clock.advance(INTERVAL);
    starved.tick(workers, timer);
    assertThat(starved.errors()).as("one interval late: not yet").isZero();
    assertThat(starved.state()).isEqualTo(CollectorState.PENDING);
    clock.advance(INTERVAL);
    starved.tick(workers, timer);
    clock.advance(INTERVAL);
    starved.tick(workers, timer);
    assertThat(starved.errors()).isEqualTo(2);
    assertThat(starved.state()).isEqualTo(CollectorState.FAILING);
    assertThat(starved.finishedOnce()).as("ready counts it as settled").isTrue();
    assertThat(starved.lastError())
        .isEqualTo("no cycle completed in 10s: waiting for a free worker thread (all 1 busy)");
    assertThat(workers.abandoned()).isZero();
    release.countDown();
    await(() -> starved.state() == CollectorState.OK);
    assertThat(starved.succeeding()).isTrue();
    assertThat(messages("starved"))
        .containsExactly(
            "WARN collector p/starved failing: no cycle completed in 10s: waiting for a free worker thread (all 1 busy)",
            "INFO collector p/starved recovered");
  }

  @Test
  void pastTheBoundAStuckThreadKeepsItsPlaceAndIsNotReplaced() throws Exception {
    workers = new WorkerPool(2, 1);
    CollectorRunner a = runner(stuck("a"), Duration.ofMillis(50));
    CollectorRunner b = runner(stuck("b"), Duration.ofMillis(50));
    a.tick(workers, timer);
    await(() -> workers.abandoned() == 1);
    b.tick(workers, timer);
    await(() -> b.state() == CollectorState.FAILING);
    Thread.sleep(CollectorRunner.GIVE_UP_AFTER.toMillis() + 300);
    assertThat(workers.abandoned()).isEqualTo(1);
    assertThat(workers.abandonedTotal()).isEqualTo(1);
    // One worker left for everybody else.
    AtomicInteger cycles = new AtomicInteger();
    CollectorRunner healthy =
        runner(collector("healthy", cycles::incrementAndGet), Duration.ofSeconds(1));
    healthy.tick(workers, timer);
    await(() -> cycles.get() == 1);
  }

  @Test
  void successMeansFreshEvenBeforeATickNoticesTheCollectorIsLate() throws Exception {
    workers = new WorkerPool(1, 1);
    CollectorRunner r = runner(collector("ok", () -> {}), Duration.ofSeconds(1));
    r.runOnce(timer);
    assertThat(r.succeeding()).isTrue();
    long before = r.version();
    clock.advance(INTERVAL.multipliedBy(2));
    assertThat(r.succeeding()).as("exactly two intervals old").isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(r.state()).isEqualTo(CollectorState.OK);
    assertThat(r.succeeding()).isFalse();
    assertThat(r.version()).as("the exposition cache must see it").isNotEqualTo(before);
  }

  @Test
  void outOfMemoryInACycleFailsItAndIsCounted() throws Exception {
    workers = new WorkerPool(1, 1);
    CollectorRunner r =
        runner(
            collector(
                "hungry",
                () -> {
                  throw new OutOfMemoryError("Java heap space");
                }),
            Duration.ofSeconds(1));
    long before = OutOfMemory.count();
    r.runOnce(timer);
    r.runOnce(timer);
    assertThat(r.state()).isEqualTo(CollectorState.FAILING);
    assertThat(r.errors()).isEqualTo(2);
    assertThat(r.lastError()).isEqualTo("out of memory: OutOfMemoryError: Java heap space");
    assertThat(OutOfMemory.count() - before).isEqualTo(2);
    assertThat(messages("hungry"))
        .containsExactly(
            "WARN collector p/hungry failing: out of memory: OutOfMemoryError: Java heap space");
  }
}
