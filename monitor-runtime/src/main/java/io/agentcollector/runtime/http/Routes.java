package io.agentcollector.runtime.http;

import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Exact paths only ({@code /metrics/x} and {@code /metricsfoo} are 404), GET and HEAD only (405
 * with {@code Allow}). A refused request is answered before any body is read; Jetty then drops the
 * unread body with the connection rather than wait for it.
 */
final class Routes extends Handler.Abstract {

  private final Map<String, Handler> routes;

  Routes(Map<String, Handler> routes) {
    this.routes = Map.copyOf(routes);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler target = routes.get(Request.getPathInContext(request));
    if (target == null) {
      return Replies.text(
          request, response, callback, 404, "text/plain; charset=utf-8", "Not found\n");
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return Replies.text(
          request, response, callback, 405, "text/plain; charset=utf-8", "Method not allowed\n");
    }
    return target.handle(request, response, callback);
  }

  @Override
  protected void doStart() throws Exception {
    for (Handler h : routes.values()) {
      h.setServer(getServer());
    }
    super.doStart();
  }
}
