package io.agentcollector.runtime.http;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * A Jetty request as client_java's {@code PrometheusHttpExchange}, the way its servlet exporter
 * adapts servlets. The body is buffered, then written asynchronously by the caller, so a client
 * that reads slowly holds memory until the write timeout, never a thread. {@code Accept-Encoding}
 * is shown to client_java only when its q-values accept gzip (client_java looks for "gzip" alone).
 * An unknown {@code debug=} value is a 400, not client_java's 500.
 */
final class ScrapeExchange implements PrometheusHttpExchange {

  private final Request request;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
  private int status = 200;

  ScrapeExchange(Request request) {
    this.request = request;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body.toByteArray();
  }

  @Override
  public PrometheusHttpRequest getRequest() {
    return new PrometheusHttpRequest() {
      @Override
      public String getQueryString() {
        return request.getHttpURI().getQuery();
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        if (name.equalsIgnoreCase("Accept-Encoding")) {
          boolean gzip = AcceptEncoding.gzip(request.getHeaders().getValuesList("Accept-Encoding"));
          return Collections.enumeration(gzip ? List.of("gzip") : List.of());
        }
        return Collections.enumeration(new ArrayList<>(request.getHeaders().getValuesList(name)));
      }

      @Override
      public String getMethod() {
        return request.getMethod();
      }

      @Override
      public String getRequestPath() {
        return Request.getPathInContext(request);
      }
    };
  }

  @Override
  public PrometheusHttpResponse getResponse() {
    return new PrometheusHttpResponse() {
      @Override
      public void setHeader(String name, String value) {
        headers.put(name, value);
      }

      @Override
      public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
        // client_java 1.10 answers a debug= value it does not know (the client's mistake) with
        // 500 and its "Unsupported query parameter" text; its own faults are exceptions, never
        // a status. A bad request is a 4xx here.
        status = statusCode == 500 ? 400 : statusCode;
        return body;
      }
    };
  }

  @Override
  public void handleException(IOException e) throws IOException {
    throw e;
  }

  @Override
  public void handleException(RuntimeException e) {
    throw e;
  }

  @Override
  public void close() {
    // nothing held: the caller writes the buffered body
  }
}
