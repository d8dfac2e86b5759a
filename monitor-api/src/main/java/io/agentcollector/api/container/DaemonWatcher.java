package io.agentcollector.api.container;

/**
 * The thread of a {@link DaemonWatch}: connect, subscribe, list, follow the events (listing again
 * every resync interval) until the stream or a call breaks, then back off and try again. Every
 * state change goes through the watch, which logs it.
 */
final class DaemonWatcher implements Runnable {

  private final DaemonWatch watch;
  private final Daemon daemon;
  private final long resyncNanos;
  private final long maxBackoffNanos;

  DaemonWatcher(DaemonWatch watch, Daemon daemon, long resyncNanos, long maxBackoffNanos) {
    this.watch = watch;
    this.daemon = daemon;
    this.resyncNanos = resyncNanos;
    this.maxBackoffNanos = maxBackoffNanos;
  }

  @Override
  public void run() {
    long backoff = DaemonWatch.FIRST_BACKOFF_NANOS;
    try {
      while (watch.running()) {
        if (!daemon.socketPresent()) {
          watch.noSocket();
          watch.pause(Long.MAX_VALUE); // until a cycle sees the file again
          continue;
        }
        if (attempt()) {
          backoff = DaemonWatch.FIRST_BACKOFF_NANOS;
        }
        watch.pause(backoff);
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
      watch.markUp();
      connected = true;
      while (watch.follow(stream, resyncNanos)) {
        daemon.resync(false);
      }
      if (watch.running()) {
        Throwable cause = stream.cause;
        watch.markDown(cause == null ? "event stream ended" : daemon.describe(cause));
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      if (watch.running()) {
        watch.markDown(daemon.describe(e));
      }
    } finally {
      close(events);
    }
    return connected;
  }

  private void close(AutoCloseable events) {
    if (events != null) {
      try {
        events.close();
      } catch (Exception e) {
        // The stream is over either way.
      }
    }
  }

  /** One subscription's end; the end of a stale stream never touches the next one. */
  final class Stream implements Daemon.StreamEnd {
    private volatile boolean ended;
    private volatile Throwable cause;

    @Override
    public void ended(Throwable why) {
      synchronized (this) {
        if (ended) {
          return;
        }
        cause = why;
        ended = true;
      }
      watch.wake();
    }

    boolean ended() {
      return ended;
    }
  }
}
