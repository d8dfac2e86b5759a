package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.it.StalledClients.Kind;
import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Ports;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball's HTTP front under hostile and slow clients: 8, 64 and 512 stalled connections of
 * each kind plus 16 clients that never read a 3.4 MB answer, while Prometheus-like scrapes go on;
 * then a burst of 200 connects. Figures are printed for RELIABILITY.md; the bounds asserted are
 * generous (p99 ≤ 1 s, connect p99 ≤ 100 ms) so a busy 2-core machine does not flake.
 */
class HttpFrontIT {

  @TempDir static Path tmp;
  private static AgentProcess agent;
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path textfiles = Files.createDirectories(tmp.resolve("textfile"));
    StringBuilder big = new StringBuilder(3_500_000);
    big.append(
        "# HELP big_padding A large exposition for slow readers.\n# TYPE big_padding gauge\n");
    for (int i = 0; big.length() < 3_400_000; i++) {
      big.append("big_padding{i=\"")
          .append(i)
          .append("\",pad=\"")
          .append("x".repeat(48))
          .append("\"} 1\n");
    }
    Files.writeString(textfiles.resolve("big.prom"), big);
    agent =
        AgentProcess.start(
                home,
                Ports.free(),
                Map.of(
                    "CONFIG_FORCE_plugins_textfile_directory",
                    textfiles.toString(),
                    // One cycle in the test's minute: each new version of the data re-renders 3.4
                    // MB
                    // (300+ ms of CPU with the tarball's C1-only JIT and 128 MB serial-GC heap on a
                    // busy 2-core machine), which would measure rendering, not the HTTP front.
                    "CONFIG_FORCE_plugins_defaults_interval",
                    "120s"))
            .awaitReady(Duration.ofSeconds(60));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!agent.metrics().contains("big_padding{") && System.nanoTime() < deadline) {
      AgentProcess.sleep(200);
    }
    assertThat(agent.metrics().length()).as("exposition with big.prom").isGreaterThan(3_400_000);
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  /** One scrape as Prometheus does it; its time in milliseconds, or -1 if not 200. */
  private static double scrape() throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/metrics"))
            .header(
                "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
            .header("Accept-Encoding", "gzip")
            .timeout(Duration.ofSeconds(30))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - t0) / 1e6;
    // gzip shrinks the padded 3.4 MB to a few tens of kB
    return resp.statusCode() == 200 && resp.body().length > 1000 ? ms : -1;
  }

  @Test
  void stalledConnectionsAndSlowReadersDoNotStarveScrapes() throws Exception {
    List<Double> control = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      control.add(scrape());
    }
    double controlP99 = percentile(control, 99);
    System.out.printf(
        "HTTP front: 40 scrapes without stalls (control): p50 %.1f ms, p99 %.1f ms%n",
        percentile(control, 50), controlP99);
    List<Double> all = new ArrayList<>();
    for (int count : new int[] {8, 64, 512}) {
      for (Kind kind :
          List.of(
              Kind.PARTIAL_REQUEST_LINE,
              Kind.PARTIAL_HEADERS,
              Kind.POST_BODY_NEVER_SENT,
              Kind.TLS_CLIENT_HELLO_TO_PLAIN_PORT)) {
        try (StalledClients stalled = StalledClients.open(agent.port(), kind, count);
            StalledClients readers = StalledClients.open(agent.port(), Kind.SLOW_READER, 16)) {
          AgentProcess.sleep(300); // the server has read what each sent: now they are stalled
          List<Double> phase = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            phase.add(scrape());
          }
          assertThat(phase).as(count + " x " + kind + ": every scrape 200").doesNotContain(-1.0);
          if (kind == Kind.PARTIAL_HEADERS) {
            assertStillWaiting(stalled.sockets().get(0));
          }
          System.out.printf(
              "HTTP front: %4d x %-30s + 16 slow readers: scrape p50 %.1f ms, max %.1f ms%n",
              count, kind, percentile(phase, 50), Collections.max(phase));
          all.addAll(phase);
        }
      }
    }
    double p99 = percentile(all, 99);
    System.out.printf(
        "HTTP front: %d scrapes during stalls, p99 %.1f ms, max %.1f ms%n",
        all.size(), p99, Collections.max(all));
    // The bound is 1 s. A machine so busy that scrapes without any stall already take over
    // 250 ms at p99 (other builds on 2 cores: load 25 seen) gets that much more room, so the
    // test measures what the stalls add, not the machine's queue.
    double bound = 1000 + Math.max(0, controlP99 - 250);
    assertThat(p99)
        .as("scrape p99 ms (control p99 %.1f ms)", controlP99)
        .isLessThanOrEqualTo(bound);
  }

  /** A stalled client got no answer yet: the server is waiting for the rest, without a thread. */
  private static void assertStillWaiting(Socket s) throws Exception {
    s.setSoTimeout(200);
    InputStream in = s.getInputStream();
    boolean timedOut = false;
    try {
      in.read();
    } catch (SocketTimeoutException e) {
      timedOut = true;
    }
    assertThat(timedOut).as("partial headers: no answer before the header deadline").isTrue();
  }

  @Test
  void headersTricklingInAreCutOffAtTheDeadline() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", agent.port()), 5000);
      s.setSoTimeout(1000);
      long t0 = System.nanoTime();
      byte[] request =
          "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaa"
              .getBytes(StandardCharsets.US_ASCII);
      int closedAfter = -1;
      for (int i = 0; i < request.length && closedAfter < 0; i++) {
        try {
          s.getOutputStream().write(request[i]);
          s.getOutputStream().flush();
          if (s.getInputStream().read() == -1) {
            closedAfter = (int) ((System.nanoTime() - t0) / 1_000_000);
          }
        } catch (SocketTimeoutException e) {
          // one byte a second, below the 10 s idle timeout: only the header deadline stops it
        } catch (java.io.IOException e) {
          closedAfter = (int) ((System.nanoTime() - t0) / 1_000_000);
        }
      }
      System.out.printf("HTTP front: headers at 1 byte/s closed after %d ms%n", closedAfter);
      assertThat(closedAfter)
          .as("ms until the server closed a trickling request")
          .isBetween(4_000, 16_000);
    }
  }

  @Test
  void aBurstOf200ConnectsIsAnsweredEveryOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(200);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < 200; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try (Socket s = new Socket()) {
                    long t0 = System.nanoTime();
                    s.connect(new InetSocketAddress("127.0.0.1", agent.port()), 10_000);
                    double connect = (System.nanoTime() - t0) / 1e6;
                    s.setSoTimeout(30_000);
                    s.getOutputStream()
                        .write(
                            "GET /-/healthy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    String answer =
                        new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    double total = (System.nanoTime() - t0) / 1e6;
                    return new double[] {
                      connect, total, answer.startsWith("HTTP/1.1 200 ") ? 1 : 0
                    };
                  }
                }));
      }
      go.countDown();
      List<Double> connects = new ArrayList<>();
      List<Double> totals = new ArrayList<>();
      for (Future<double[]> f : results) {
        double[] r = f.get();
        assertThat(r[2]).as("answered 200").isEqualTo(1);
        connects.add(r[0]);
        totals.add(r[1]);
      }
      System.out.printf(
          "HTTP front: burst of 200 connects: connect p99 %.1f ms, first answer p99 %.1f ms%n",
          percentile(connects, 99), percentile(totals, 99));
      assertThat(percentile(connects, 99)).as("connect p99 ms").isLessThanOrEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }
}
