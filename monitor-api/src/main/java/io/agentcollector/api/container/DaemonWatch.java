package io.agentcollector.api.container;

import io.agentcollector.api.Failures;
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
 *       current; the watcher wakes only to list everything again every {@code resyncInterval}
 *       and when the event stream ends. The first connection is logged at info, later ones
 *       ("back") at debug.
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
  public enum State { NEW, ABSENT, CONNECTING, UP, DOWN, STOPPED }

  /** The daemon's calls, made by the watcher thread only (but {@link #close}). */
  public interface Daemon {

    /**
     * Called before each attempt, only while the socket file exists: creates the client the first
     * time, and may reset the client library's own reconnect backoff.
     */
    void connect() throws Exception;

    /**
     * Opens the event stream; the runtime applies its events and calls {@link StreamEnd#ended}
     * when it breaks or completes. Returns what closes it.
     */
    AutoCloseable subscribe(StreamEnd end) throws Exception;

    /**
     * Lists every container into the runtime's cache.
     *
     * @param afterConnect the first list after a (re)connection: nothing of the cache may be
     *     trusted, events may have been lost
     */
    void resync(boolean afterConnect) throws Exception;

    /** For the log line when connected. */
    int containerCount();

    /** One line for a failure; {@link Failures#summary} unless the client has better. */
    default String describe(Throwable t) {
      return Failures.summary(t);
    }

    /** Releases the client, if {@link #connect} made one; later connects must fail. */
    void close();
  }

  /** Tells the watcher that one event stream ended. */
  public interface StreamEnd {
    /** {@code cause} null: the daemon completed the stream. */
    void ended(Throwable cause);
  }

  /** The watcher's time: real in the agent, driven by the test in tests. */
  interface Sleeper {
    long nanoTime();

    /** Waits on {@code lock} (held) until notified or {@code nanos} passed; MAX_VALUE: no limit. */
    void await(Object lock, long nanos) throws InterruptedException;
  }

  private static final Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void await(Object lock, long nanos) throws InterruptedException {
          if (nanos == Long.MAX_VALUE) {
            lock.wait();
          } else {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
          }
        }
      };

  private final String name;
  private final String address;
  private final BooleanSupplier socketPresent;
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
   * @param address the socket as configured, for messages
   * @param socketPresent whether the socket file exists (always true for a TCP address)
   * @param firstWait how long the first cycle waits for the first attempt (the request timeout)
   */
  public DaemonWatch(String name, String address, BooleanSupplier socketPresent, Daemon daemon,
      Logger log, Duration resyncInterval, Duration maxBackoff, Duration firstWait) {
    this(name, address, socketPresent, daemon, log, resyncInterval, maxBackoff, firstWait,
        RETRY_WAIT, SYSTEM);
  }

  /** With the watcher's time and the cycle's retry wait given (tests). */
  DaemonWatch(String name, String address, BooleanSupplier socketPresent, Daemon daemon,
      Logger log, Duration resyncInterval, Duration maxBackoff, Duration firstWait,
      Duration retryWait, Sleeper sleeper) {
    this.name = name;
    this.address = address;
    this.socketPresent = socketPresent;
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
   * Called by {@link ContainerRuntime#containers} once per cycle: true when the runtime's cache
   * is current, false when the daemon is not installed (an empty result). While the daemon is
   * down it asks for an attempt now and waits for it (at most {@link #RETRY_WAIT}; the first
   * attempt at most {@code firstWait}).
   *
   * @throws IOException when the daemon is down, with the reason
   */
  public boolean check() throws IOException, InterruptedException {
    boolean present = socketPresent.getAsBoolean();
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
      watcher = Threads.startDaemon(name + "-watch", this::watch);
    }
    long seen = attempts;
    retryNow = true;
    lock.notifyAll();
    long deadline = System.nanoTime() + wait;
    long left;
    while (attempts == seen && state != State.STOPPED && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(lock, left);
    }
  }

  private void watch() {
    long backoff = FIRST_BACKOFF_NANOS;
    try {
      while (running()) {
        if (!socketPresent.getAsBoolean()) {
          noSocket();
          pause(Long.MAX_VALUE); // until a cycle sees the file again
          continue;
        }
        if (attempt()) {
          backoff = FIRST_BACKOFF_NANOS;
        }
        pause(backoff);
        backoff = Math.min(backoff * 2, maxBackoffNanos);
      }
    } catch (InterruptedException e) {
      // Stopped.
    }
  }

  /** One connection, followed until it breaks; true if it got as far as connected. */
  private boolean attempt() throws InterruptedException {
    Stream stream = new Stream();
    boolean connected = false;
    AutoCloseable events = null;
    try {
      daemon.connect();
      // Subscribe before listing, so nothing that happens after the listing is missed.
      events = daemon.subscribe(stream);
      daemon.resync(true);
      markUp();
      connected = true;
      follow(stream);
      if (running()) {
        markDown(stream.cause == null ? "event stream ended" : daemon.describe(stream.cause));
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      if (running()) {
        markDown(daemon.describe(e));
      }
    } finally {
      close(events);
    }
    return connected;
  }

  /** Waits for the stream's end, listing everything again every resync interval. */
  private void follow(Stream stream) throws Exception {
    while (true) {
      synchronized (lock) {
        long deadline = sleeper.nanoTime() + resyncNanos;
        long left;
        while (state != State.STOPPED && !stream.ended
            && (left = deadline - sleeper.nanoTime()) > 0) {
          sleeper.await(lock, left);
        }
        if (state == State.STOPPED || stream.ended) {
          return;
        }
      }
      daemon.resync(false);
    }
  }

  /** Sleeps {@code nanos}, or less if a cycle asks for an attempt now. */
  private void pause(long nanos) throws InterruptedException {
    synchronized (lock) {
      long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : sleeper.nanoTime() + nanos;
      long left = nanos;
      while (state != State.STOPPED && !retryNow && left > 0) {
        sleeper.await(lock, left);
        left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - sleeper.nanoTime();
      }
      retryNow = false;
    }
  }

  private boolean running() {
    synchronized (lock) {
      return state != State.STOPPED;
    }
  }

  private void markUp() {
    boolean first;
    synchronized (lock) {
      if (state == State.STOPPED) {
        return;
      }
      first = !everConnected;
      everConnected = true;
      state = State.UP;
      reason = null;
      attemptEnded();
    }
    if (first) {
      log.info("connected to {} at {} ({} containers)", name, address, daemon.containerCount());
    } else {
      log.debug("{} at {} back ({} containers)", name, address, daemon.containerCount());
    }
  }

  private void markDown(String why) {
    boolean changed;
    boolean lost;
    synchronized (lock) {
      if (state == State.STOPPED) {
        return;
      }
      changed = state != State.DOWN;
      lost = everConnected;
      state = State.DOWN;
      reason = why;
      attemptEnded();
    }
    if (changed) {
      log.debug(lost ? "lost {} at {}: {}; reconnecting" : "{} at {} not answering: {}; retrying",
          name, address, why);
    }
  }

  private void noSocket() {
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

  private void close(AutoCloseable events) {
    if (events != null) {
      try {
        events.close();
      } catch (Exception e) {
        log.debug("closing the {} event stream: {}", name, daemon.describe(e));
      }
    }
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

  /** One subscription's end; a stale stream's end never touches the next one's. */
  private final class Stream implements StreamEnd {
    // Guarded by lock.
    private boolean ended;
    private Throwable cause;

    @Override
    public void ended(Throwable why) {
      synchronized (lock) {
        if (!ended) {
          ended = true;
          cause = why;
          lock.notifyAll();
        }
      }
    }
  }
}
