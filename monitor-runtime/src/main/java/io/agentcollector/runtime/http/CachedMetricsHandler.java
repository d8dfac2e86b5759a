package io.agentcollector.runtime.http;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /metrics}: renders the exposition once per version of the data (a version changes when a
 * collector finishes a cycle) and serves those bytes, plain or gzipped, to every scrape until the
 * next one. Without this each scrape of 200 containers rendered 1.6 MB anew (~25 ms of CPU and a
 * transient buffer per concurrent scrape). client_java's writers render; its scrape handler serves
 * what the cache does not take: protobuf, {@code name[]} filters, {@code debug}, and explicit
 * {@code escaping=} in Accept.
 */
final class CachedMetricsHandler extends Handler.Abstract {

  private final PrometheusRegistry registry;
  private final Supplier<Object> version;
  private final PrometheusScrapeHandler fallback;
  private final ExpositionFormats writers;
  private final List<Format> formats;

  CachedMetricsHandler(PrometheusRegistry registry, Supplier<Object> version) {
    PrometheusProperties properties = PrometheusProperties.get();
    ExpositionFormats writers = ExpositionFormats.init(properties);
    this.registry = registry;
    this.version = version;
    this.fallback = new PrometheusScrapeHandler(properties, registry);
    // OpenMetrics first: Prometheus asks for it first, and findWriter's order decides.
    this.formats =
        List.of(
            new Format(writers.getOpenMetricsTextFormatWriter()),
            new Format(writers.getPrometheusTextFormatWriter()));
    this.writers = writers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    Format format = cacheable(request);
    if (format == null) {
      return viaClientJava(request, response, callback);
    }
    Rendered r = format.get(this);
    boolean gzip =
        AcceptEncoding.gzip(request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING));
    if (gzip) {
      response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
    }
    response.getHeaders().put(HttpHeader.VARY, "Accept-Encoding");
    return Replies.bytes(
        request,
        response,
        callback,
        200,
        format.writer.getContentType(),
        gzip ? r.gzipped() : r.plain());
  }

  private boolean viaClientJava(Request request, Response response, Callback callback)
      throws IOException {
    ScrapeExchange exchange = new ScrapeExchange(request);
    fallback.handleRequest(exchange);
    String type = "text/plain; charset=utf-8";
    for (Map.Entry<String, String> h : exchange.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        type = h.getValue();
      } else if (!h.getKey().equalsIgnoreCase("Content-Length")) {
        response.getHeaders().put(h.getKey(), h.getValue());
      }
    }
    return Replies.bytes(request, response, callback, exchange.status(), type, exchange.body());
  }

  /** The cached format this request gets, or null when client_java's handler must answer. */
  private Format cacheable(Request request) {
    String query = request.getHttpURI().getQuery();
    if (query != null && !query.isEmpty()) {
      return null; // name[] filters and debug: rare, rendered per request
    }
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    if (accept != null && accept.contains("escaping=")) {
      return null;
    }
    ExpositionFormatWriter writer = writers.findWriter(accept);
    for (Format f : formats) {
      if (f.writer == writer) {
        return f;
      }
    }
    return null; // protobuf, OpenMetrics 2
  }

  /** One format's last rendering; scrapes racing on a new version wait for one rendering. */
  private static final class Format {
    private final ExpositionFormatWriter writer;
    private Rendered last;
    private int lastSize = 64 * 1024;

    Format(ExpositionFormatWriter writer) {
      this.writer = writer;
    }

    synchronized Rendered get(CachedMetricsHandler h) throws IOException {
      Object v = h.version.get();
      if (last != null && Objects.equals(last.version, v)) {
        return last;
      }
      // Sized from the last one: a growing buffer would copy 1.6 MB several times.
      ByteArrayOutputStream out = new ByteArrayOutputStream(lastSize + lastSize / 8);
      writer.write(out, h.registry.scrape());
      last = null; // let the old bytes go before the new gzip buffer is made
      last = new Rendered(v, out.toByteArray());
      lastSize = out.size();
      return last;
    }
  }

  private static final class Rendered {
    private final Object version;
    private final byte[] plain;
    private byte[] gzipped;

    Rendered(Object version, byte[] plain) {
      this.version = version;
      this.plain = plain;
    }

    byte[] plain() {
      return plain;
    }

    /** Compressed on the first request that accepts gzip (Prometheus does), then kept. */
    synchronized byte[] gzipped() throws IOException {
      if (gzipped == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 8 + 1024);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
          gz.write(plain);
        }
        gzipped = out.toByteArray();
      }
      return gzipped;
    }
  }
}
