// Soak load for RELIABILITY.md, run as a single-file program:
//   java scripts/bench/Soak.java URL PID SCRAPERS SECONDS PAUSE_MS
// SCRAPERS threads each scrape URL, pause PAUSE_MS, and again, until SECONDS have passed. Every
// 30 s it samples the target's RSS, threads and open file descriptors from /proc/<pid>. Prints
// one line per sample and a summary; exits 1 if any scrape failed. Loopback only, bounded in time.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

public class Soak {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    long pid = Long.parseLong(args[1]);
    int scrapers = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    long pauseMs = Long.parseLong(args[4]);
    if (!url.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("loopback only: " + url);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(scrapers);
    for (int t = 0; t < scrapers; t++) {
      Thread th = new Thread(() -> {
        long[] lat = new long[(int) Math.min(1_000_000, seconds * 1000 / Math.max(1, pauseMs) + 10)];
        int n = 0;
        try {
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
              if (r.statusCode() == 200 && r.body().length > 0) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
                failures.add("HTTP " + r.statusCode());
              }
            } catch (IOException e) {
              failed.incrementAndGet();
              failures.add(e.toString());
            }
            if (n < lat.length) {
              lat[n++] = System.nanoTime() - t0;
            }
            Thread.sleep(pauseMs);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          latencies.add(java.util.Arrays.copyOf(lat, n));
          done.countDown();
        }
      }, "scraper-" + t);
      th.setDaemon(true);
      th.start();
    }
    List<long[]> samples = new ArrayList<>();
    long start = System.nanoTime();
    while (!done.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
      long[] s = sample(pid, (System.nanoTime() - start) / 1_000_000_000L);
      samples.add(s);
      System.out.printf("t=%ds rss_mb=%.1f threads=%d fds=%d scrapes_ok=%d failed=%d%n",
          s[0], s[1] / 1024.0, s[2], s[3], ok.get(), failed.get());
    }
    List<Long> all = new ArrayList<>();
    for (long[] l : latencies) {
      for (long v : l) {
        all.add(v);
      }
    }
    Collections.sort(all);
    double p50 = all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6;
    double p99 = all.isEmpty() ? 0 : all.get((int) (all.size() * 0.99)) / 1e6;
    double max = all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6;
    System.out.printf("summary: scrapers=%d seconds=%d scrapes_ok=%d failed=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
        scrapers, seconds, ok.get(), failed.get(), p50, p99, max);
    failures.stream().distinct().limit(10).forEach(f -> System.out.println("failure: " + f));
    System.exit(failed.get() == 0 ? 0 : 1);
  }

  /** {seconds, rss kB, threads, fds}. */
  static long[] sample(long pid, long t) throws IOException {
    long rss = 0;
    long threads = 0;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    long fds;
    try (var s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      fds = s.count();
    }
    return new long[] {t, rss, threads, fds};
  }
}
