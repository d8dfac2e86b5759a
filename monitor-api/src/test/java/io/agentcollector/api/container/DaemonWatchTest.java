package io.agentcollector.api.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watch loop against a scripted daemon, with the watcher's time driven by the test: every wait
 * it starts is recorded and ends only when the test moves the clock or something wakes it.
 */
@Timeout(120)
class DaemonWatchTest {

  static final Duration RESYNC = Duration.ofSeconds(60);
  static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);
  static final String SOCKET = "/run/fake.sock";

  /** A daemon that answers or refuses as the test says, and records each call. */
  static final class FakeDaemon implements Daemon {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean socket = true;
    volatile boolean refuse;
    volatile boolean closed;
    volatile Daemon.StreamEnd stream;

    @Override
    public String address() {
      return SOCKET;
    }

    @Override
    public boolean socketPresent() {
      return socket;
    }

    @Override
    public void connect() throws IOException {
      calls.add("connect");
      if (closed) {
        throw new IllegalStateException("closed");
      }
    }

    @Override
    public AutoCloseable subscribe(Daemon.StreamEnd end) throws IOException {
      calls.add("subscribe");
      refuseIfDown();
      stream = end;
      return () -> calls.add("unsubscribe");
    }

    @Override
    public void resync(boolean afterConnect) throws IOException {
      calls.add("resync(" + afterConnect + ")");
      refuseIfDown();
    }

    private void refuseIfDown() throws IOException {
      if (refuse) {
        throw new IOException("connect failed", new IOException("Connection refused"));
      }
    }

    @Override
    public int containerCount() {
      return 2;
    }

    @Override
    public void close() {
      closed = true;
    }

    /** The daemon dies: its stream breaks, the next calls are refused. */
    void crash() {
      refuse = true;
      stream.ended(new IOException("unexpected end of stream"));
    }
  }

  /** The watcher's clock; a wait ends when the test advances it past the wait's end. */
  static final class FakeTime implements Sleeper {
    final AtomicLong now = new AtomicLong();
    final BlockingQueue<Duration> waits = new LinkedBlockingQueue<>();
    volatile Object lock;

    @Override
    public long nanoTime() {
      return now.get();
    }

    @Override
    public void await(Object lock, long nanos) throws InterruptedException {
      this.lock = lock;
      waits.add(Duration.ofNanos(nanos));
      lock.wait();
    }

    /** The next wait the watcher started (a bound on the test, not a timing assertion). */
    Duration nextWait() throws InterruptedException {
      Duration d = waits.poll(20, TimeUnit.SECONDS);
      assertThat(d).as("the watcher waits").isNotNull();
      return d;
    }

    void advance(Duration d) {
      now.addAndGet(d.toNanos());
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  final FakeDaemon daemon = new FakeDaemon();
  final FakeTime time = new FakeTime();
  final RecordingLogger logger = new RecordingLogger();
  DaemonWatch watch;

  @AfterEach
  void stop() throws InterruptedException {
    if (watch != null) {
      watch.stop();
    }
    for (Thread t : watchers()) {
      t.join(TimeUnit.SECONDS.toMillis(20));
    }
  }

  DaemonWatch watch(Duration maxBackoff) {
    watch =
        new DaemonWatch(
            "fake",
            daemon,
            logger,
            RESYNC,
            maxBackoff,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            time);
    return watch;
  }

  static List<Thread> watchers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("fake-watch"))
        .toList();
  }

  List<String> lines() {
    return logger.lines;
  }

  @Test
  void absentSocketIsNoDaemonHereWithoutThreadOrDialUntilItAppears() throws Exception {
    daemon.socket = false;
    watch(Duration.ofSeconds(4));
    for (int cycle = 0; cycle < 3; cycle++) {
      assertThat(watch.check()).isFalse();
    }
    assertThat(watch.state()).isEqualTo(DaemonWatch.State.ABSENT);
    assertThat(daemon.calls).isEmpty();
    assertThat(watchers()).isEmpty();
    assertThat(lines())
        .containsExactly("DEBUG no fake socket at /run/fake.sock: no fake containers on this host");

    daemon.socket = true;
    assertThat(watch.check()).as("the first cycle that sees the socket").isTrue();
    assertThat(daemon.calls).containsExactly("connect", "subscribe", "resync(true)");
    assertThat(lines()).last().isEqualTo("INFO connected to fake at /run/fake.sock (2 containers)");
  }

  @Test
  void lossBacksOffUpToTheCapThenResyncsAfterReconnectingWithOneLinePerChange() throws Exception {
    watch(Duration.ofSeconds(4));
    assertThat(watch.check()).isTrue();
    assertThat(time.nextWait()).as("following the events until the resync").isEqualTo(RESYNC);

    daemon.crash();
    assertThat(time.nextWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(daemon.calls).endsWith("unsubscribe");
    Duration waited = Duration.ofMillis(500);
    for (long seconds : new long[] {1, 2, 4, 4, 4}) {
      time.advance(waited);
      waited = time.nextWait();
      assertThat(waited).isEqualTo(Duration.ofSeconds(seconds));
    }
    assertThat(daemon.calls.stream().filter("connect"::equals)).hasSize(6);

    daemon.calls.clear();
    daemon.refuse = false;
    time.advance(waited);
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    assertThat(daemon.calls).containsExactly("connect", "subscribe", "resync(true)");
    assertThat(watch.check()).isTrue();
    assertThat(lines())
        .containsExactly(
            "INFO connected to fake at /run/fake.sock (2 containers)",
            "DEBUG lost fake at /run/fake.sock: IOException: unexpected end of stream; reconnecting",
            "DEBUG fake at /run/fake.sock back (2 containers)");
  }

  @Test
  void listsEverythingAgainEachResyncInterval() throws Exception {
    watch(Duration.ofSeconds(4));
    watch.check();
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    time.advance(RESYNC);
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    assertThat(daemon.calls)
        .containsExactly("connect", "subscribe", "resync(true)", "resync(false)");
  }

  @Test
  void aCycleTriesAtOnceWhateverTheBackoffAndFailsWithTheReason() throws Exception {
    watch(Duration.ofMinutes(5));
    watch.check();
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    daemon.crash();
    assertThat(time.nextWait()).isEqualTo(Duration.ofMillis(500));
    for (int cycle = 0; cycle < 3; cycle++) {
      assertThatThrownBy(watch::check)
          .isInstanceOf(IOException.class)
          .hasMessage(
              "fake at /run/fake.sock: IOException: connect failed"
                  + " <- IOException: Connection refused");
    }
    assertThat(daemon.calls.stream().filter("connect"::equals)).hasSize(4);

    daemon.refuse = false;
    assertThat(watch.check()).as("the first cycle after the daemon is back").isTrue();
    assertThat(lines()).hasSize(3);
  }

  @Test
  void aDaemonThatNeverAnsweredLogsOnceAndFailsEachCycle() throws Exception {
    daemon.refuse = true;
    watch(Duration.ofSeconds(4));
    assertThatThrownBy(watch::check).hasMessageContaining("Connection refused");
    assertThatThrownBy(watch::check).hasMessageContaining("Connection refused");
    assertThat(lines())
        .containsExactly(
            "DEBUG fake at /run/fake.sock not answering:"
                + " IOException: connect failed <- IOException: Connection refused; retrying");
  }

  @Test
  void noDialWhileTheSocketOfALostDaemonIsGone() throws Exception {
    watch(Duration.ofSeconds(4));
    watch.check();
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    daemon.socket = false;
    daemon.crash();
    time.advance(time.nextWait());
    assertThat(time.nextWait()).as("asleep until a cycle sees the socket").isEqualTo(FOREVER);
    time.advance(Duration.ofHours(1));
    assertThat(time.nextWait()).isEqualTo(FOREVER);
    assertThatThrownBy(watch::check).hasMessage("fake at /run/fake.sock: no socket at " + SOCKET);
    assertThat(daemon.calls.stream().filter("connect"::equals)).hasSize(1);

    daemon.socket = true;
    daemon.refuse = false;
    assertThat(watch.check()).isTrue();
    assertThat(daemon.calls.stream().filter("connect"::equals)).hasSize(2);
    assertThat(lines()).hasSize(3);
  }

  @Test
  void theEndOfAnOldStreamDoesNotEndTheNewOne() throws Exception {
    watch(Duration.ofSeconds(4));
    watch.check();
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    Daemon.StreamEnd old = daemon.stream;
    old.ended(null);
    assertThat(time.nextWait()).isEqualTo(Duration.ofMillis(500));
    time.advance(Duration.ofMillis(500));
    assertThat(time.nextWait()).isEqualTo(RESYNC);

    old.ended(new IOException("late"));
    assertThat(watch.state()).isEqualTo(DaemonWatch.State.UP);
    assertThat(lines())
        .contains("DEBUG lost fake at /run/fake.sock: event stream ended; reconnecting");
  }

  @Test
  void stopEndsTheThreadAndClosesTheClient() throws Exception {
    watch(Duration.ofSeconds(4));
    watch.check();
    assertThat(time.nextWait()).isEqualTo(RESYNC);
    watch.stop();
    for (Thread t : watchers()) {
      t.join(TimeUnit.SECONDS.toMillis(20));
    }
    assertThat(watchers()).isEmpty();
    assertThat(daemon.closed).isTrue();
    assertThat(watch.state()).isEqualTo(DaemonWatch.State.STOPPED);
  }
}
