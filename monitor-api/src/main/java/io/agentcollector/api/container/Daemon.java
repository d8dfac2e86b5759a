package io.agentcollector.api.container;

import io.agentcollector.api.Failures;

/**
 * A container daemon's calls as a {@link DaemonWatch} makes them, implemented by each runtime
 * plugin. All but {@link #address}, {@link #socketPresent} and {@link #close} are called by the
 * watcher thread only.
 */
public interface Daemon {

  /** The socket as configured, for messages. */
  String address();

  /** Whether its unix socket file exists (true for a TCP address): is there anything to dial. */
  boolean socketPresent();

  /**
   * Called before each attempt, only while the socket file exists: creates the client the first
   * time, and may reset the client library's own reconnect backoff.
   */
  void connect() throws Exception;

  /**
   * Opens the event stream; the runtime applies its events and calls {@link StreamEnd#ended} when
   * it breaks or completes. Returns what closes it.
   */
  AutoCloseable subscribe(StreamEnd end) throws Exception;

  /**
   * Lists every container into the runtime's cache.
   *
   * @param afterConnect the first list after a (re)connection: nothing of the cache may be trusted,
   *     events may have been lost
   */
  void resync(boolean afterConnect) throws Exception;

  /** For the log line when connected. */
  int containerCount();

  /** One line for a failure; {@link Failures#summary} unless the client knows better. */
  default String describe(Throwable t) {
    return Failures.summary(t);
  }

  /** Releases the client, if {@link #connect} made one; a later connect must fail. */
  void close();

  /** Tells the watcher that one event stream ended. */
  interface StreamEnd {
    /** {@code cause} null: the daemon completed the stream. */
    void ended(Throwable cause);
  }
}
