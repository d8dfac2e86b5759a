// Load generator for BENCHMARKS.md, run as a single-file program: java scripts/bench/Scrape.java URL PID.
// Measures /metrics latency (p50/p99) under 10 concurrent scrapers and the target's CPU time
// and RSS from /proc/<pid>. Loopback only; every loop is bounded in count.
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Scrape {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    long pid = Long.parseLong(args[1]);
    int sequential = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int perThread = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    if (!url.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("loopback only: " + url);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();

    long bytes = 0;
    long rss;
    for (int i = 0; i < sequential; i++) {
      bytes = client.send(req, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
    rss = rssKb(pid);
    // Warm-up (JIT) before CPU is measured, the same for every target.
    for (int i = 0; i < 300; i++) {
      client.send(req, HttpResponse.BodyHandlers.discarding());
    }
    double cpu0 = cpuSeconds(pid);
    for (int i = 0; i < sequential; i++) {
      bytes = client.send(req, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
    double cpuPerScrape = (cpuSeconds(pid) - cpu0) / sequential;

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      futures.add(pool.submit(() -> {
        List<Long> lat = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          long t0 = System.nanoTime();
          client.send(req, HttpResponse.BodyHandlers.ofByteArray());
          lat.add(System.nanoTime() - t0);
        }
        return lat;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    Collections.sort(all);
    System.out.printf("bytes=%d cpu_ms_per_scrape=%.3f rss_mb_after_%d_scrapes=%.1f p50_ms=%.2f p99_ms=%.2f n=%d%n",
        bytes, cpuPerScrape * 1000, sequential, rss / 1024.0,
        all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.size());
  }

  static double cpuSeconds(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in USER_HZ (100) ticks.
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  static long rssKb(long pid) throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
