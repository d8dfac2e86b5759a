package io.agentcollector.runtime.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/** Writing whole responses without blocking a thread on the client. */
final class Replies {

  /**
   * Slice size of large bodies: NIO copies a heap buffer into a temporary direct buffer of the
   * write's size and caches it per thread, so one 3 MB write would pin 3 MB of native memory.
   */
  private static final int SLICE = 64 * 1024;

  private Replies() {}

  static boolean text(
      Request request, Response response, Callback callback, int status, String type, String body) {
    return bytes(request, response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Status, Content-Type and Content-Length, then the body unless the request is HEAD. */
  static boolean bytes(
      Request request, Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    if (request.getMethod().equals("HEAD") || body.length == 0) {
      response.write(true, null, callback);
    } else {
      new SlicedWrite(response, body, callback).iterate();
    }
    return true;
  }

  /**
   * Writes one slice at a time; each write completes asynchronously when the client has read it.
   */
  private static final class SlicedWrite extends IteratingCallback {
    private final Response response;
    private final byte[] body;
    private final Callback done;
    private int offset;

    SlicedWrite(Response response, byte[] body, Callback done) {
      this.response = response;
      this.body = body;
      this.done = done;
    }

    @Override
    protected Action process() {
      if (offset >= body.length) {
        return Action.SUCCEEDED;
      }
      int n = Math.min(SLICE, body.length - offset);
      ByteBuffer slice = ByteBuffer.wrap(body, offset, n);
      offset += n;
      response.write(offset >= body.length, slice, this);
      return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
      done.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
      done.failed(cause);
    }
  }
}
