package io.agentcollector.runtime.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code /}, {@code /-/ready} and {@code /-/healthy}. */
final class Pages {

  private static final String TEXT = "text/plain; charset=utf-8";

  private Pages() {}

  static Handler landing(StatusPage status) {
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        return Replies.text(
            request, response, callback, 200, "text/html; charset=utf-8", status.html());
      }
    };
  }

  static Handler ready(StatusPage status) {
    return new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        var waiting = status.notReady();
        if (waiting.isEmpty()) {
          return Replies.text(request, response, callback, 200, TEXT, "Ready\n");
        }
        return Replies.text(
            request,
            response,
            callback,
            503,
            TEXT,
            "Not ready: no cycle finished yet for " + String.join(", ", waiting) + "\n");
      }
    };
  }

  /** client_java's healthy answer, word for word. */
  static Handler healthy() {
    return new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        return Replies.text(request, response, callback, 200, TEXT, "Exporter is healthy.\n");
      }
    };
  }
}
