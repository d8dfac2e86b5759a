package io.agentcollector.runtime.http;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request line and headers trickle in for longer than about two periods.
 * The idle timeout only catches a client that sends nothing; one byte every few seconds would keep
 * a connection (not a thread: Jetty parses what arrived and returns) for ever.
 */
final class HeaderDeadline implements Connection.Listener {

  private final Scheduler scheduler;
  private final long periodMillis;

  HeaderDeadline(Scheduler scheduler, long periodMillis) {
    this.scheduler = scheduler;
    this.periodMillis = periodMillis;
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      new Check(http).schedule();
    }
  }

  /** Looks every period; mid-header twice in a row with no request completed in between: closed. */
  private final class Check implements Runnable {
    private final HttpConnection http;
    private boolean wasMidHeader;
    private long messages = -1;

    Check(HttpConnection http) {
      this.http = http;
    }

    void schedule() {
      scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      if (!http.getEndPoint().isOpen()) {
        return;
      }
      var parser = http.getParser();
      boolean midHeader = parser.inHeaderState() && !parser.isStart();
      long in = http.getMessagesIn();
      if (midHeader && wasMidHeader && in == messages) {
        http.getEndPoint().close();
        return;
      }
      wasMidHeader = midHeader;
      messages = in;
      schedule();
    }
  }
}
