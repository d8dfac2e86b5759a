package io.agentcollector.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** State, freshness and log lines of one collector, on a fake clock: interval 5 s, timeout 1 s. */
class CollectorHealthTest {

  private final FakeClock clock = FakeClock.fixed();
  private final CollectorHealth health =
      new CollectorHealth(
          "cpu/stat", new Deadlines(Duration.ofSeconds(5), Duration.ofSeconds(1)), clock);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).detachAppender(logs);
  }

  private List<String> messages() {
    return logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private static MetricSnapshots result(String family) {
    MetricFamilies f = new MetricFamilies();
    f.gauge(family, "h").add(1).add(2, "k", "v");
    return f.build();
  }

  @Test
  void pendingUntilTheFirstCycleServingNothing() {
    assertThat(health.state()).isEqualTo(CollectorState.PENDING);
    assertThat(health.finishedOnce()).isFalse();
    assertThat(health.stale()).as("no result yet").isTrue();
    assertThat(health.succeeding()).isFalse();
    assertThat(health.lastSuccessMillis()).isEqualTo(-1);
    assertThat(messages()).isEmpty();
  }

  @Test
  void aResultIsFreshForThreeIntervalsThenStale() {
    health.succeeded(result("x"), 2, 0.25);
    assertThat(health.state()).isEqualTo(CollectorState.OK);
    assertThat(health.lastSuccessMillis()).isEqualTo(clock.millis());
    assertThat(health.lastDurationSeconds()).isEqualTo(0.25);
    clock.advance(Duration.ofSeconds(15));
    assertThat(health.stale()).as("exactly three intervals old").isFalse();
    assertThat(health.series()).isEqualTo(2);
    clock.advance(Duration.ofMillis(1));
    assertThat(health.stale()).isTrue();
    assertThat(health.series()).as("nothing fresh served").isZero();
    assertThat(health.last()).as("kept, the runner serves nothing while stale").hasSize(1);
    assertThat(health.state())
        .as("staleness alone logs nothing and keeps the state")
        .isEqualTo(CollectorState.OK);
    assertThat(messages()).isEmpty();
  }

  @Test
  void succeedingOnlyWithinTwoIntervalsOfTheLastSuccess() {
    health.succeeded(result("x"), 2, 0.1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(health.succeeding()).as("two intervals (longer than interval + timeout)").isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(health.succeeding()).isFalse();
    assertThat(health.state()).isEqualTo(CollectorState.OK);
  }

  @Test
  void oneLogLinePerChangeOfState() {
    health.succeeded(result("x"), 2, 0.1);
    health.failed("IOException: cannot read /proc/stat", 0.2);
    health.failed("IOException: cannot read /proc/stat", 0.3);
    health.failed("a different reason", -1);
    assertThat(health.state()).isEqualTo(CollectorState.FAILING);
    assertThat(health.errors()).isEqualTo(3);
    assertThat(health.lastError()).isEqualTo("a different reason");
    assertThat(health.lastDurationSeconds())
        .as("a skipped cycle keeps the last duration")
        .isEqualTo(0.3);
    assertThat(health.last()).as("the last good result stays").hasSize(1);
    health.succeeded(result("x"), 2, 0.1);
    health.succeeded(result("x"), 2, 0.1);
    assertThat(messages())
        .containsExactly(
            "WARN collector cpu/stat failing: IOException: cannot read /proc/stat",
            "INFO collector cpu/stat recovered");
  }

  @Test
  void aPartialResultIsFreshButNoSuccessAndLogsEachNewReason() {
    health.partial(result("x"), 2, 0.1, "metric family y withheld");
    health.partial(result("x"), 2, 0.1, "metric family y withheld");
    clock.advance(Duration.ofSeconds(20));
    health.partial(result("x"), 2, 0.1, "metric family z withheld");
    assertThat(health.state()).isEqualTo(CollectorState.FAILING);
    assertThat(health.errors()).isEqualTo(3);
    assertThat(health.stale()).as("stored 0 s ago").isFalse();
    assertThat(health.series()).isEqualTo(2);
    assertThat(health.lastSuccessMillis()).isEqualTo(-1);
    assertThat(health.succeeding()).isFalse();
    assertThat(messages())
        .containsExactly(
            "WARN collector cpu/stat failing: metric family y withheld",
            "WARN collector cpu/stat failing: metric family z withheld");
  }

  @Test
  void disabledIsForGoodAndServesNothing() {
    health.succeeded(result("x"), 2, 0.1);
    health.disable("start failed: boom");
    health.disable("again");
    health.failed("later", 0.1);
    assertThat(health.state()).isEqualTo(CollectorState.DISABLED);
    assertThat(health.last()).isEmpty();
    assertThat(health.errors()).as("counted, but the state stays").isEqualTo(1);
    assertThat(messages()).containsExactly("ERROR collector cpu/stat disabled: start failed: boom");
  }

  @Test
  void versionMovesWithEveryOutcomeAndWhenTheResultAges() {
    long pending = health.version();
    health.succeeded(result("x"), 2, 0.1);
    long ok = health.version();
    assertThat(ok).isNotEqualTo(pending);
    clock.advance(Duration.ofSeconds(11));
    long overdue = health.version();
    assertThat(overdue).as("no longer succeeding").isNotEqualTo(ok);
    clock.advance(Duration.ofSeconds(5));
    long stale = health.version();
    assertThat(stale).isNotIn(ok, overdue);
    assertThat(health.version()).as("nothing happened").isEqualTo(stale);
    health.failed("boom", 0.1);
    assertThat(health.version()).isNotIn(pending, ok, overdue, stale);
  }

  @Test
  void aResultStaysServedWhileTheCollectorStillCountsAsSucceeding() {
    // interval 2 s, timeout 10 s: a cycle may take 10 s and the collector is overdue only after
    // 12 s, so the last result may not go stale after 3 intervals (6 s) with success still 1.
    Deadlines d = new Deadlines(Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertThat(d.staleAfter()).isEqualTo(Duration.ofSeconds(12));
    long now = 1_000_000;
    for (long age = 0; age <= 13_000; age += 250) {
      boolean succeeding = !d.overdue(now - age, now);
      if (succeeding) {
        assertThat(d.stale(now - age, now)).as("served while succeeding, age %d ms", age).isFalse();
      }
    }
    assertThat(d.stale(now - 12_001, now)).isTrue();
    assertThat(new Deadlines(Duration.ofSeconds(5), Duration.ofSeconds(10)).staleAfter())
        .as("the default: three intervals")
        .isEqualTo(Duration.ofSeconds(15));
  }
}
