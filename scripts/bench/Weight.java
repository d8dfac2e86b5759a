// Issue #18's weight figures for scripts/weight.sh, run as a single-file program:
//   java scripts/bench/Weight.java PROFILE RUN LOGDIR
// Starts the agent (AGENT_HOME/bin/monitor --config AGENT_CONFIG, plus AGENT_ENV) and
// node_exporter (NE_BIN, plus NE_FLAGS) at the same moment on free loopback ports, measures
// fork -> first 200 (agent: /-/ready, node_exporter: /metrics; polled every 5 ms), then scrapes
// each once every SCRAPE_INTERVAL s (sequentially, plain GET /metrics, like Prometheus) and reads
// utime+stime from /proc/<pid>/stat at the edges of the windows WINDOWS (seconds after the start)
// of WINDOW_SECONDS each: CPU per scrape in the window (for the agent: per cycle, one cycle per
// scrape interval). With NORUNTIMES=1 a second agent runs beside, started once both are ready,
// with the docker and containerd plugins disabled. With WAKE=1, over the last window, the context
// switches (voluntary + nonvoluntary) of every agent thread, by name (comm). Last,
// 100 sequential scrapes of each, then VmRSS and VmHWM. Prints one line of key=value per process.
// Every child's pid goes to LOGDIR/pids at once (the calling script's trap ends them too).
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public class Weight {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String NO_RUNTIMES =
      "CONFIG_FORCE_plugins_docker_enabled=false CONFIG_FORCE_plugins_containerd_enabled=false";

  public static void main(String[] args) throws Exception {
    String prefix = "profile=" + args[0] + " run=" + args[1];
    Path logs = Path.of(args[2]);
    long interval = Long.parseLong(env("SCRAPE_INTERVAL", "5")) * 1000;
    long windowMs = Long.parseLong(env("WINDOW_SECONDS", "60")) * 1000;
    List<Long> windows = new ArrayList<>();
    for (String w : env("WINDOWS", "30 90 300").trim().split("\\s+")) {
      windows.add(Long.parseLong(w) * 1000);
      int n = windows.size();
      if (n > 1 && windows.get(n - 1) < windows.get(n - 2) + windowMs) {
        throw new IllegalArgumentException("WINDOWS must ascend without overlap (WINDOW_SECONDS each)");
      }
    }
    List<Target> all = new ArrayList<>();
    Target agent = Target.agent("agent", env("AGENT_ENV", ""), logs);
    all.add(agent);
    String ne = env("NE_BIN", "");
    if (!ne.isEmpty()) {
      all.add(Target.nodeExporter(ne, env("NE_FLAGS", ""), logs));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> all.forEach(Target::stop)));
    long t0 = System.currentTimeMillis();
    for (Target t : all) {
      t.start(logs); // the same moment, as far as two forks allow
    }
    awaitReady(all);
    if ("1".equals(env("NORUNTIMES", ""))) {
      Target bare = Target.agent("agent-noruntimes", env("AGENT_ENV", "") + " " + NO_RUNTIMES, logs);
      all.add(bare);
      bare.start(logs);
      awaitReady(List.of(bare));
    }

    // Scrapes at t0 + 2.5 s + k * interval: window edges (multiples of 5 s) fall between them.
    long next = t0 + interval / 2;
    while (next < System.currentTimeMillis()) {
      next += interval;
    }
    long end = t0 + windows.get(windows.size() - 1) + windowMs;
    boolean wake = "1".equals(env("WAKE", ""));
    int edge = 0; // edges: window i starts at 2i, ends at 2i + 1
    while (edge < 2 * windows.size()) {
      long edgeAt = t0 + windows.get(edge / 2) + (edge % 2 == 0 ? 0 : windowMs);
      if (edgeAt <= next) {
        sleepUntil(edgeAt);
        boolean last = edge / 2 == windows.size() - 1;
        for (Target t : all) {
          t.edge(edge % 2 == 0, wake && last);
        }
        edge++;
      } else {
        sleepUntil(next);
        for (Target t : all) {
          t.scrape();
        }
        next += interval;
      }
    }
    if (System.currentTimeMillis() > end + 1000) {
      System.err.println("weight: the windows ended late; the machine is overloaded");
    }
    for (int i = 0; i < 100; i++) {
      for (Target t : all) {
        t.scrape();
      }
    }
    long cycles = windowMs / interval;
    for (Target t : all) {
      StringBuilder line = new StringBuilder(prefix).append(" target=").append(t.name);
      line.append(" start_ms=").append(t.readyAt - t.forkedAt);
      for (int i = 0; i < windows.size(); i++) {
        String w = windows.get(i) / 1000 + "_" + (windows.get(i) + windowMs) / 1000;
        line.append(String.format(Locale.ROOT, " cpu_ms_%s=%.2f", w, t.cpuMsPerScrape(i)));
        line.append(" scrapes_").append(w).append('=').append(t.windowScrapes.get(i));
      }
      line.append(String.format(Locale.ROOT, " rss_mib=%.1f", t.statusKb("VmRSS") / 1024.0));
      line.append(String.format(Locale.ROOT, " hwm_mib=%.1f", t.statusKb("VmHWM") / 1024.0));
      line.append(" bytes=").append(t.bytes);
      if (wake && t.name.startsWith("agent")) {
        line.append(" cycles=").append(cycles).append(" switches=").append(t.switches());
      }
      System.out.println(line);
    }
    all.forEach(Target::stop);
  }

  static void awaitReady(List<Target> targets) throws Exception {
    List<Thread> pollers = new ArrayList<>();
    for (Target t : targets) {
      Thread p = new Thread(t::pollReady, "ready-" + t.name);
      p.start();
      pollers.add(p);
    }
    for (Thread p : pollers) {
      p.join();
    }
    for (Target t : targets) {
      if (t.readyAt == 0) {
        throw new IllegalStateException(t.name + " not ready in 120 s; log: " + t.log);
      }
    }
  }

  static void sleepUntil(long at) throws InterruptedException {
    long left = at - System.currentTimeMillis();
    if (left > 0) {
      Thread.sleep(left);
    }
  }

  static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null ? dflt : v;
  }
}

/** One process measured: the agent or node_exporter. */
class Target {
  final String name;
  final List<String> command;
  final Map<String, String> env;
  final String readyPath;
  final int port;
  final List<Long> windowCpu = new ArrayList<>(); // ticks at each edge
  final List<Integer> windowScrapes = new ArrayList<>();
  Map<Long, String[]> tasksAtStart = Map.of();
  Map<Long, String[]> tasksAtEnd = Map.of();
  boolean inWindow;
  Process process;
  Path log;
  long forkedAt;
  volatile long readyAt;
  long bytes;

  private Target(String name, List<String> command, Map<String, String> env, String readyPath, int port) {
    this.name = name;
    this.command = command;
    this.env = env;
    this.readyPath = readyPath;
    this.port = port;
  }

  static Target agent(String name, String extraEnv, Path logs) throws IOException {
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    for (String kv : extraEnv.trim().split("\\s+")) {
      if (!kv.isEmpty()) {
        env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    env.put("MONITOR_LISTEN_ADDRESS", "127.0.0.1:" + port);
    List<String> cmd =
        List.of(Weight.env("AGENT_HOME", "") + "/bin/monitor", "--config", Weight.env("AGENT_CONFIG", ""));
    return new Target(name, cmd, env, "/-/ready", port);
  }

  static Target nodeExporter(String binary, String flags, Path logs) throws IOException {
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(binary, "--web.listen-address=127.0.0.1:" + port));
    for (String f : flags.trim().split("\\s+")) {
      if (!f.isEmpty()) {
        cmd.add(f);
      }
    }
    return new Target("node_exporter", cmd, Map.of(), "/metrics", port);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  void start(Path logs) throws IOException {
    log = logs.resolve(name + ".log");
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().keySet().removeIf(k -> k.startsWith("MONITOR_") || k.startsWith("CONFIG_FORCE_"));
    b.environment().putAll(env);
    forkedAt = System.currentTimeMillis();
    process = b.start();
    Files.writeString(logs.resolve("pids"), process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Polls every 5 ms until 200, for at most 120 s. */
  void pollReady() {
    HttpRequest req = request(readyPath);
    long deadline = forkedAt + 120_000;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      try {
        if (Weight.HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          readyAt = System.currentTimeMillis();
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  void scrape() throws Exception {
    HttpResponse<byte[]> r = Weight.HTTP.send(request("/metrics"), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(name + " /metrics answered " + r.statusCode());
    }
    bytes = r.body().length;
    if (inWindow) {
      windowScrapes.set(windowScrapes.size() - 1, windowScrapes.get(windowScrapes.size() - 1) + 1);
    }
  }

  /** A window's start or end: CPU ticks, and (wake) every thread's context switches. */
  void edge(boolean start, boolean wake) throws IOException {
    windowCpu.add(cpuTicks());
    inWindow = start;
    if (start) {
      windowScrapes.add(0);
    }
    if (wake && name.startsWith("agent")) {
      if (start) {
        tasksAtStart = tasks();
      } else {
        tasksAtEnd = tasks();
      }
    }
  }

  double cpuMsPerScrape(int window) {
    long ticks = windowCpu.get(2 * window + 1) - windowCpu.get(2 * window);
    // USER_HZ is 100 on Linux: a tick is 10 ms.
    return ticks * 10.0 / Math.max(1, windowScrapes.get(window));
  }

  long cpuTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  long statusKb(String key) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (l.startsWith(key + ":")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** tid -> {comm, voluntary + nonvoluntary context switches}. */
  Map<Long, String[]> tasks() throws IOException {
    Map<Long, String[]> out = new HashMap<>();
    try (var dirs = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        try {
          long switches = 0;
          for (String l : Files.readAllLines(d.resolve("status"))) {
            if (l.startsWith("voluntary_ctxt_switches:") || l.startsWith("nonvoluntary_ctxt_switches:")) {
              switches += Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
          }
          String comm = Files.readString(d.resolve("comm")).strip().replace(' ', '_');
          out.put(Long.parseLong(d.getFileName().toString()), new String[] {comm, Long.toString(switches)});
        } catch (IOException gone) {
          // the thread ended meanwhile
        }
      }
    }
    return out;
  }

  /** comm:switches of every thread over the window; (new): born in it. */
  String switches() {
    List<String> out = new ArrayList<>();
    tasksAtEnd.forEach(
        (tid, end) -> {
          String[] start = tasksAtStart.get(tid);
          long n = Long.parseLong(end[1]) - (start == null ? 0 : Long.parseLong(start[1]));
          out.add(end[0] + (start == null ? "(new)" : "") + ":" + n);
        });
    out.sort(null);
    return String.join(",", out);
  }

  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }
}
