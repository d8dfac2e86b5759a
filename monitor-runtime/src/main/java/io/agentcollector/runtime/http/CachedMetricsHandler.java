package io.agentcollector.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics}: renders the exposition once per version of the data (a version changes when
 * a collector finishes a cycle) and serves those bytes, plain or gzipped, to every scrape until
 * the next one. Without this each scrape of 200 containers rendered 1.6 MB anew (~25 ms of CPU
 * and a transient buffer per concurrent scrape). client_java's writers render; its handler
 * serves what the cache does not take: protobuf, {@code name[]} filters, {@code debug}, and
 * explicit {@code escaping=} in Accept.
 */
final class CachedMetricsHandler implements HttpHandler {

  private static final int WRITE_SLICE = 64 * 1024;

  private final PrometheusRegistry registry;
  private final Supplier<Object> version;
  private final HttpHandler fallback;
  private final ExpositionFormats writers;
  private final List<Format> formats;

  CachedMetricsHandler(PrometheusRegistry registry, Supplier<Object> version) {
    PrometheusProperties properties = PrometheusProperties.get();
    ExpositionFormats writers = ExpositionFormats.init(properties);
    this.registry = registry;
    this.version = version;
    this.fallback = new MetricsHandler(properties, registry);
    // OpenMetrics first: Prometheus asks for it first, and findWriter's order decides.
    this.formats =
        List.of(
            new Format(writers.getOpenMetricsTextFormatWriter()),
            new Format(writers.getPrometheusTextFormatWriter()));
    this.writers = writers;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Format format = cacheable(exchange);
    if (format == null) {
      fallback.handle(exchange);
      return;
    }
    try (exchange) {
      Rendered r = format.get(this);
      boolean gzip = acceptsGzip(exchange);
      byte[] body = gzip ? r.gzipped() : r.plain();
      exchange.getResponseHeaders().set("Content-Type", format.writer.getContentType());
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        // In slices: NIO copies a heap array into a temporary direct buffer of the write's size
        // and keeps it per thread, so one 1.6 MB write left 1.6 MB of native memory per HTTP thread.
        for (int off = 0; off < body.length; off += WRITE_SLICE) {
          out.write(body, off, Math.min(WRITE_SLICE, body.length - off));
        }
      }
    }
  }

  /** The cached format this request gets, or null when client_java's handler must answer. */
  private Format cacheable(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null && !query.isEmpty()) {
      return null; // name[] filters and debug: rare, rendered per request
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
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

  private static boolean acceptsGzip(HttpExchange exchange) {
    List<String> values = exchange.getRequestHeaders().get("Accept-Encoding");
    if (values == null) {
      return false;
    }
    for (String v : values) {
      for (String coding : v.split(",")) {
        if (coding.strip().startsWith("gzip")) {
          return true;
        }
      }
    }
    return false;
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
