package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {

  private static final String OPENMETRICS =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  /** Counts its collections; its value is the data version, so a new version is new content. */
  private final AtomicInteger collections = new AtomicInteger();

  private final AtomicLong version = new AtomicLong(1);
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private HttpEndpoint endpoint;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    registry.register(
        (MultiCollector)
            () -> {
              collections.incrementAndGet();
              MetricFamilies f = new MetricFamilies();
              f.gauge("test_version", "The data version.").add(version.get(), "a", "x");
              f.counter("test_requests_total", "Requests.").add(7, "code", "200");
              return f.build();
            });
    endpoint =
        HttpEndpoint.start(
            new HttpEndpoint.Settings(new ListenAddress("127.0.0.1", 0), 4, 64, null),
            registry,
            version::get,
            new StatusPage(new BuildInfo("1", "r", "17"), List.of(), Map.of(), Map.of()));
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String rendered(boolean openMetrics) throws IOException {
    ExpositionFormats formats = ExpositionFormats.init();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MetricSnapshots s = registry.scrape();
    if (openMetrics) {
      formats.getOpenMetricsTextFormatWriter().write(out, s);
    } else {
      formats.getPrometheusTextFormatWriter().write(out, s);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void servesClientJavasTextFormatAndRendersOncePerVersion() throws Exception {
    var first = get("/metrics");
    var second = get("/metrics");
    assertThat(collections.get()).as("two scrapes of one version, one collection").isEqualTo(1);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    String body = new String(first.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("test_version{a=\"x\"} 1.0").isEqualTo(rendered(false));
    assertThat(second.body()).isEqualTo(first.body());

    version.set(2);
    int before = collections.get();
    var third = get("/metrics");
    assertThat(collections.get()).isEqualTo(before + 1);
    assertThat(new String(third.body(), StandardCharsets.UTF_8))
        .contains("test_version{a=\"x\"} 2.0");
  }

  @Test
  void openMetricsAndGzipAreCachedToo() throws Exception {
    var om = get("/metrics", "Accept", OPENMETRICS);
    var gz = get("/metrics", "Accept", OPENMETRICS, "Accept-Encoding", "deflate, gzip");
    assertThat(collections.get())
        .as("OpenMetrics rendered once, gzipped from those bytes")
        .isEqualTo(1);
    get("/metrics");
    assertThat(collections.get()).as("the text format is rendered on its own").isEqualTo(2);

    assertThat(om.headers().firstValue("Content-Type")).hasValue(OPENMETRICS);
    String omBody = new String(om.body(), StandardCharsets.UTF_8);
    assertThat(omBody)
        .isEqualTo(rendered(true))
        .endsWith("# EOF\n")
        .contains("test_requests_total{code=\"200\"} 7.0");

    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(gz.body())).isEqualTo(omBody);
    assertThat(gz.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(gz.body().length));
  }

  @Test
  void filtersDebugAndProtobufGoToClientJavasHandler() throws Exception {
    var filtered = get("/metrics?name[]=test_version");
    String body = new String(filtered.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("test_version{a=\"x\"} 1.0").doesNotContain("test_requests_total");

    var debug = get("/metrics?debug=openmetrics");
    assertThat(new String(debug.body(), StandardCharsets.UTF_8)).contains("# EOF");

    var pb =
        get(
            "/metrics",
            "Accept",
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
    assertThat(pb.headers().firstValue("Content-Type").orElseThrow()).contains("protobuf");
    assertThat(pb.body()).isNotEmpty();
    assertThat(collections.get()).as("each of those collected anew").isEqualTo(3);
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    var head =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(rendered(false).length()));
  }

  @Test
  void concurrentScrapesOfANewVersionShareOneRendering() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<byte[]>>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        all.add(pool.submit(() -> get("/metrics")));
      }
      for (var f : all) {
        assertThat(new String(f.get().body(), StandardCharsets.UTF_8)).isEqualTo(rendered(false));
      }
    } finally {
      pool.shutdownNow();
    }
    // rendered(false) collects once per call too: 32 of those, plus one for the endpoint.
    assertThat(collections.get()).isEqualTo(32 + 1);
  }

  @Test
  void healthyReadyAndLandingPagesStillAnswer() throws Exception {
    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(get("/-/ready").statusCode()).isEqualTo(200);
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  private static String gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
