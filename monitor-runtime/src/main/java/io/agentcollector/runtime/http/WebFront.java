package io.agentcollector.runtime.http;

import io.agentcollector.runtime.http.webconfig.WebConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the web config file adds in front of every route, in exporter-toolkit's order: the rate
 * limit (429), the configured headers (on every answer, 401 included), then basic auth for every
 * path. Reads the current config per request, so a reload applies to the next request.
 */
final class WebFront extends Handler.Wrapper {

  private final AtomicReference<WebConfig> config;
  private final BasicAuth auth = new BasicAuth();
  private final RateLimiter limiter = new RateLimiter();

  WebFront(AtomicReference<WebConfig> config, Handler routes) {
    super(routes);
    this.config = config;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    WebConfig c = config.get();
    if (c.rateLimit() != null && !limiter.allow(c.rateLimit())) {
      return Replies.text(
          request, response, callback, 429, "text/plain; charset=utf-8", "Too Many Requests\n");
    }
    c.headers().forEach(response.getHeaders()::put);
    if (!c.users().isEmpty()
        && !auth.allowed(c.users(), request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic");
      return Replies.text(
          request, response, callback, 401, "text/plain; charset=utf-8", "Unauthorized\n");
    }
    return super.handle(request, response, callback);
  }
}
