package io.agentcollector.api.container;

import io.agentcollector.api.Threads;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * The connection of a {@link ContainerRuntime} to its daemon (dockerd, containerd): connect,
 * subscribe to the events, list everything, follow the events, and after a loss reconnect with
 * backoff and list everything again. The runtime supplies the calls ({@link Daemon}) and answers
 * {@link ContainerRuntime#containers} from its cache once {@link #check} says it may.
 *
 * <p>States, one log line at each change:
 *
 * <ul>
 *   <li>{@link State#NEW}: nothing checked yet.
 *   <li>{@link State#ABSENT}: the socket file does not exist and the daemon never answered: it is
 *       not installed, an empty result and no error (debug line). No thread runs and {@link
 *       Daemon#connect} is never called, so no client library object exists; each {@link #check}
 *       (once per collector cycle) looks at the file once.
 *   <li>{@link State#CONNECTING}: the socket exists; the watcher thread (started then, one per
 *       daemon) makes its first attempt, which the cycle waits for up to {@code firstWait}.
 *   <li>{@link State#UP}: subscribed and listed; the runtime's event handler keeps its cache
 *       current; the watcher wakes only to list everything again every {@code resyncInterval} and
 *       when the event stream ends. The first connection is logged at info, later ones ("back") at
 *       debug.
 *   <li>{@link State#DOWN}: an attempt failed, the stream ended or a list failed: {@link #check}
 *       throws with the reason. The watcher retries after 0.5 s, 1 s, 2 s … up to {@code
 *       maxBackoff}, and at once when a cycle asks ({@link #check} waits {@link #RETRY_WAIT} for
 *       that attempt), so the first cycle after the daemon is back is right whatever the backoff.
 *       Logged at debug: the containers collector logs the WARN operators see, with this reason.
 *       While the socket file is missing the watcher does not dial; it sleeps until a cycle sees
 *       the file again.
 *   <li>{@link State#STOPPED}: after {@link #stop}.
 * </ul>
 */
public final class DaemonWatch {

  /** How long a cycle waits for the attempt it asked for while the daemon is down. */
  public static final Duration RETRY_WAIT = Duration.ofSeconds(1);

  static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** See the class comment. */
  public enum State {
    NEW,
    ABSENT,
    CONNECTING,
    UP,
    DOWN,
    STOPPED
  }

  private final String name;
  private final String address;
  private final Daemon daemon;
  private final Logger log;
  private final long resyncNanos;
  private final long maxBackoffNanos;
  private final long firstWaitNanos;
  private final long retryWaitNanos;
  private final Sleeper sleeper;

  private final Object lock = new Object();
  // Guarded by lock.
  private State state = State.NEW;
  private String reason = "not connected yet";
  private boolean everConnected;
  private long attempts;
  private boolean retryNow;
  private Thread watcher;

  /**
   * @param name the runtime ({@code docker}), for messages and the thread's name
   * @param firstWait how long the first cycle waits for the first attempt (the request timeout)
   */
  public DaemonWatch(
      String name,
      Daemon daemon,
      Logger log,
      Duration resyncInterval,
      Duration maxBackoff,
      Duration firstWait) {
    this(name, daemon, log, resyncInterval, maxBackoff, firstWait, RETRY_WAIT, Sleeper.SYSTEM);
  }

  /** With the cycle's retry wait and the watcher's time given (tests). */
  DaemonWatch(
      String name,
      Daemon daemon,
      Logger log,
      Duration resyncInterval,
      Duration maxBackoff,
      Duration firstWait,
      Duration retryWait,
      Sleeper sleeper) {
    this.name = name;
    this.address = daemon.address();
    this.daemon = daemon;
    this.log = log;
    this.resyncNanos = resyncInterval.toNanos();
    this.maxBackoffNanos = Math.max(FIRST_BACKOFF_NANOS, maxBackoff.toNanos());
    this.firstWaitNanos = firstWait.toNanos();
    this.retryWaitNanos = retryWait.toNanos();
    this.sleeper = sleeper;
  }

  public State state() {
    synchronized (lock) {
      return state;
    }
  }

  /**
   * Called by {@link ContainerRuntime#containers} once per cycle: true when the runtime's cache is
   * current, false when the daemon is not installed (an empty result). While the daemon is down it
   * asks for an attempt now and waits for it (at most {@link #RETRY_WAIT}; the first attempt at
   * most {@code firstWait}).
   *
   * @throws IOException when the daemon is down, with the reason
   */
  public boolean check() throws IOException, InterruptedException {
    boolean present = daemon.socketPresent();
    synchronized (lock) {
      if (state == State.UP || state == State.STOPPED) {
        return state == State.UP;
      }
      if (!present && !everConnected) {
        becomeAbsent();
        return false;
      }
      if (present) {
        attemptNow();
      }
      if (state == State.UP) {
        return true;
      }
      if (state == State.ABSENT) {
        return false; // the file went again before the daemon answered
      }
      throw new IOException(name + " at " + address + ": " + reason);
    }
  }

  /** Wakes (or starts) the watcher for an attempt and waits for an attempt to end. */
  private void attemptNow() throws InterruptedException {
    long wait = retryWaitNanos;
    if (state == State.NEW || state == State.ABSENT) {
      // First sight of the socket: as good as the agent's start for the daemon.
      state = State.CONNECTING;
      reason = "not connected yet";
      wait = firstWaitNanos;
    }
    if (watcher == null) {
      watcher =
          Threads.startDaemon(
              name + "-watch", new DaemonWatcher(this, daemon, resyncNanos, maxBackoffNanos));
    }
    long seen = attempts;
    retryNow = true;
    lock.notifyAll();
    long deadline = System.nanoTime() + wait;
    long left;
    while (attempts == seen
        && state != State.STOPPED
        && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(lock, left);
    }
  }

  /** Sleeps {@code nanos} (MAX_VALUE: no limit), or less if a cycle asks for an attempt now. */
  void pause(long nanos) throws InterruptedException {
    synchronized (lock) {
      sleep(nanos, () -> retryNow);
      retryNow = false;
    }
  }

  /** Sleeps {@code nanos} or until the stream ends; false once stopped or ended. */
  boolean follow(DaemonWatcher.Stream stream, long nanos) throws InterruptedException {
    synchronized (lock) {
      sleep(nanos, stream::ended);
      return state != State.STOPPED && !stream.ended();
    }
  }

  /** Wakes up the watcher's sleep to look at its condition again. */
  void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  private void sleep(long nanos, BooleanSupplier wakeUp) throws InterruptedException {
    long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : sleeper.nanoTime() + nanos;
    long left = nanos;
    while (state != State.STOPPED && !wakeUp.getAsBoolean() && left > 0) {
      sleeper.await(lock, left);
      left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - sleeper.nanoTime();
    }
  }

  boolean running() {
    synchronized (lock) {
      return state != State.STOPPED;
    }
  }

  /** Logs under the lock: whoever sees the new state finds its line already written. */
  void markUp() {
    synchronized (lock) {
      if (state == State.STOPPED) {
        return;
      }
      if (!everConnected) {
        log.info("connected to {} at {} ({} containers)", name, address, daemon.containerCount());
      } else {
        log.debug("{} at {} back ({} containers)", name, address, daemon.containerCount());
      }
      everConnected = true;
      state = State.UP;
      reason = null;
      attemptEnded();
    }
  }

  void markDown(String why) {
    synchronized (lock) {
      if (state == State.STOPPED) {
        return;
      }
      if (state != State.DOWN) {
        log.debug(
            everConnected
                ? "lost {} at {}: {}; reconnecting"
                : "{} at {} not answering: {}; retrying",
            name,
            address,
            why);
      }
      state = State.DOWN;
      reason = why;
      attemptEnded();
    }
  }

  void noSocket() {
    synchronized (lock) {
      if (!everConnected) {
        becomeAbsent();
        attemptEnded();
        return;
      }
    }
    markDown("no socket at " + address);
  }

  private void becomeAbsent() {
    if (state != State.ABSENT && state != State.STOPPED) {
      state = State.ABSENT;
      log.debug("no {} socket at {}: no {} containers on this host", name, address, name);
    }
  }

  /** Answers the cycles waiting: whatever they asked for has happened. */
  private void attemptEnded() {
    attempts++;
    retryNow = false;
    lock.notifyAll();
  }

  /** Stops the watcher and releases the client. */
  public void stop() {
    Thread t;
    synchronized (lock) {
      state = State.STOPPED;
      lock.notifyAll();
      t = watcher;
    }
    if (t != null) {
      t.interrupt();
    }
    daemon.close();
  }
}
