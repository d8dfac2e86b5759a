import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.TestContext;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Microbenchmark, not a test: CPU time (this thread, user + sys) and bytes allocated per collect()
 * of each host collector of the plugins cpu, mem, disk, net and system, against the real /proc and
 * /sys (kernel filesystems trusted as the runtime trusts them), in steady state after a warm-up.
 * Each figure is the best of 3 rounds; the collector runs back to back, so caches are warmer than
 * in the agent's one collect per 5 s: compare builds with it, not with the self-metrics. A
 * collector off by default is marked *, and left out of the total.
 *
 * <p>Every build given (a project root with the modules compiled) runs in its own JVM, once with
 * the JVM's default flags and once with the launcher's (distribution/src/bin/monitor); the table
 * shows the first root's figures and each other root's as a ratio to the first. Run from the
 * project root after compiling (no install):
 *
 * <pre>
 * mvn -B -q -o -pl plugins/cpu,plugins/mem,plugins/disk,plugins/net,plugins/system -am \
 *     test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test -Dfuzz.skip
 * JARS=$(for f in plugins/{cpu,mem,disk,net,system}/target/bench.cp; do cat $f; echo; done \
 *     | tr : '\n' | grep '\.jar$' | grep -v -e logback -e junit -e jazzer -e assertj | sort -u \
 *     | paste -sd: -)
 * CLASSES=$(ls -d $PWD/monitor-{api,kernel,testkit}/target/classes | paste -sd: -)
 * nice -n 19 java -cp "$JARS:$CLASSES" scripts/bench/CollectorsBench.java /tmp/lean-base .
 * </pre>
 *
 * Before/after of issue #18 (this machine, 2 shared cores, main 490fa25 vs branch lean): see the
 * helper's report and BENCHMARKS.md.
 */
public class CollectorsBench {

  static final String[] PLUGINS = {"cpu", "mem", "disk", "net", "system"};
  static final String[] MODULES = {"monitor-api", "monitor-kernel", "monitor-testkit"};

  /** The launcher's JVM flags: DEFAULT_JAVA_OPTS of distribution/src/bin/monitor. */
  static String launcherFlags() throws Exception {
    for (String line : Files.readAllLines(Path.of("distribution/src/bin/monitor"))) {
      if (line.startsWith("DEFAULT_JAVA_OPTS=\"")) {
        return line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
      }
    }
    throw new IllegalStateException("no DEFAULT_JAVA_OPTS in distribution/src/bin/monitor");
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Long.parseLong(args[1]));
      return;
    }
    List<String> roots = args.length == 0 ? List.of(".") : Arrays.asList(args);
    String[] flagSets = {"", launcherFlags()};
    // column (root x flags) -> collector -> {cpu ns, bytes}
    Map<String, Map<String, double[]>> columns = new LinkedHashMap<>();
    // Runs alternate between the builds; each figure is the lowest of its runs (least disturbed).
    int runs = Integer.getInteger("bench.runs", 2);
    for (int run = 0; run < runs; run++) {
      for (String flags : flagSets) {
        for (int r = 0; r < roots.size(); r++) {
          String column = r + " " + flags;
          System.err.println("run " + (run + 1) + "/" + runs + ": " + roots.get(r) + " " + flags);
          Map<String, double[]> got = run(roots.get(r), flags);
          Map<String, double[]> best = columns.computeIfAbsent(column, k -> new LinkedHashMap<>());
          got.forEach(
              (n, v) ->
                  best.merge(
                      n,
                      v,
                      (x, y) -> {
                        double[] m = new double[x.length];
                        for (int i = 0; i < m.length; i++) {
                          m[i] = Math.min(x[i], y[i]);
                        }
                        return m;
                      }));
        }
      }
    }
    print(roots, flagSets, columns);
  }

  static Map<String, double[]> run(String root, String flags) throws Exception {
    List<String> cp = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith(".jar")) {
        cp.add(e);
      }
    }
    for (String m : MODULES) {
      cp.add(Path.of(root, m, "target", "classes").toString());
    }
    for (String p : PLUGINS) {
      cp.add(Path.of(root, "plugins", p, "target", "classes").toString());
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!flags.isEmpty()) {
      cmd.addAll(Arrays.asList(flags.split(" +")));
    }
    cmd.add("-Dbench.only=" + System.getProperty("bench.only", ".*"));
    cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp)));
    cmd.addAll(List.of(Path.of("scripts/bench/CollectorsBench.java").toAbsolutePath().toString()));
    cmd.addAll(List.of("--child", Long.getLong("bench.millis", 400L).toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, double[]> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(" ");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
          v[i] = Double.parseDouble(f[i + 1]);
        }
        out.put(f[0], v);
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException(cmd + " failed");
    }
    return out;
  }

  static final String[] KINDS = {"early us", "early B", "steady us", "steady B"};

  static void print(List<String> roots, String[] flagSets, Map<String, Map<String, double[]>> c) {
    TreeSet<String> names = new TreeSet<>();
    c.values().forEach(m -> names.addAll(m.keySet()));
    List<String> cols = new ArrayList<>(c.keySet());
    for (int fs = 0; fs < flagSets.length; fs++) {
      System.out.printf("%nJVM flags: %s%n", flagSets[fs].isEmpty() ? "(default)" : flagSets[fs]);
      StringBuilder head = new StringBuilder(String.format("%-22s", "collector"));
      for (String k : KINDS) {
        head.append(String.format("%11s", k));
      }
      for (int r = 1; r < roots.size(); r++) {
        head.append(" | ").append(roots.get(r)).append(": ratios");
        for (String k : KINDS) {
          head.append(String.format("%11s", k));
        }
      }
      System.out.println(head);
      Map<String, double[]> base = c.get(cols.get(fs * roots.size()));
      List<String> sorted = new ArrayList<>(names);
      sorted.sort(Collections.reverseOrder((a, b) -> Double.compare(early(base, a), early(base, b))));
      double[][] total = new double[roots.size()][4];
      for (String n : sorted) {
        System.out.println(row(n, roots, base, cols, fs, c, total));
      }
      StringBuilder line = new StringBuilder(String.format("%-22s", "TOTAL (default on)"));
      line.append(values(total[0]));
      for (int r = 1; r < roots.size(); r++) {
        line.append(" | ").append(" ".repeat(roots.get(r).length() + 8)).append(ratios(total[r], total[0]));
      }
      System.out.println(line);
    }
  }

  static String row(
      String n,
      List<String> roots,
      Map<String, double[]> base,
      List<String> cols,
      int fs,
      Map<String, Map<String, double[]>> c,
      double[][] total) {
    StringBuilder line = new StringBuilder(String.format("%-22s", n));
    double[] b = base.get(n);
    line.append(b == null ? String.format("%44s", "-") : values(b));
    for (int r = 0; r < roots.size(); r++) {
      double[] v = c.get(cols.get(fs * roots.size() + r)).get(n);
      if (v != null && !n.endsWith("*")) {
        for (int i = 0; i < 4; i++) {
          total[r][i] += v[i];
        }
      }
      if (r > 0) {
        line.append(" | ").append(" ".repeat(roots.get(r).length() + 8));
        line.append(v == null || b == null ? String.format("%44s", v == null ? "-" : "new") : ratios(v, b));
      }
    }
    return line.toString();
  }

  static String values(double[] v) {
    return String.format("%11.1f%11.0f%11.1f%11.0f", v[0] / 1e3, v[1], v[2] / 1e3, v[3]);
  }

  static String ratios(double[] v, double[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      s.append(String.format("%10.2fx", v[i] / Math.max(1, b[i])));
    }
    return s.toString();
  }

  static double early(Map<String, double[]> m, String n) {
    double[] v = m.get(n);
    return v == null ? -1 : v[0];
  }

  /**
   * In the child JVM: every collector, first as the agent runs them early on (20 cycles of one
   * collect each, after a first that loads classes: mostly interpreted, as collect() is called once
   * per 5 s), then warmed up (compiled), 3 rounds of at least {@code millis} each.
   */
  static void child(long millis) throws Exception {
    HostPaths host = HostPaths.defaults();
    for (Path root : List.of(host.proc(), host.sys(), host.cgroup())) {
      KernelFiles.trustIfKernelFilesystem(root);
    }
    Map<String, Collector> collectors = new LinkedHashMap<>();
    for (String plugin : PLUGINS) {
      CollectorContext context =
          TestContext.forPlugin(plugin).withHostPaths(host).withClock(Clock.systemUTC());
      for (String cls : extensions(plugin)) {
        Collector c =
            (Collector)
                Class.forName(cls).getConstructor(CollectorContext.class).newInstance(context);
        String name = plugin + "/" + c.name() + (c.enabledByDefault() ? "" : "*");
        if (name.matches(System.getProperty("bench.only", ".*"))) {
          collectors.put(name, c);
        }
      }
    }
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    Map<String, double[]> early = new LinkedHashMap<>();
    int cycles = Integer.getInteger("bench.cycles", 20);
    for (int cycle = 0; cycle <= cycles; cycle++) {
      for (var e : collectors.entrySet()) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long a0 = mx.getThreadAllocatedBytes(tid);
        e.getValue().collect();
        double[] sum = early.computeIfAbsent(e.getKey(), k -> new double[2]);
        if (cycle > 0) {
          sum[0] += (mx.getCurrentThreadCpuTime() - cpu0) / (double) cycles;
          sum[1] += (mx.getThreadAllocatedBytes(tid) - a0) / (double) cycles;
        }
      }
    }
    if (millis == 0) {
      early.forEach((n, v) -> System.out.println(n + " " + v[0] + " " + v[1] + " 0 0"));
      return;
    }
    for (var e : collectors.entrySet()) {
      Collector c = e.getValue();
      // Warm-up: enough calls for C1 and C2 to compile the collector's loops and methods.
      long warmEnd = System.nanoTime() + 1_500_000_000L;
      for (int i = 0; i < 3000 && System.nanoTime() < warmEnd; i++) {
        c.collect();
      }
      double bestCpu = Double.MAX_VALUE;
      double bestAlloc = Double.MAX_VALUE;
      for (int round = 0; round < 3; round++) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long a0 = mx.getThreadAllocatedBytes(tid);
        int n = 0;
        do {
          c.collect();
          n++;
        } while (n < 20 || System.nanoTime() < end);
        bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - cpu0) / (double) n);
        bestAlloc = Math.min(bestAlloc, (mx.getThreadAllocatedBytes(tid) - a0) / (double) n);
      }
      double[] first = early.get(e.getKey());
      System.out.println(
          e.getKey() + " " + first[0] + " " + first[1] + " " + bestCpu + " " + bestAlloc);
      c.stop();
    }
  }

  static List<String> extensions(String plugin) throws Exception {
    List<String> out = new ArrayList<>();
    String pkg = "io.agentcollector.plugin." + plugin + ".";
    var urls = CollectorsBench.class.getClassLoader().getResources("META-INF/extensions.idx");
    for (URL u : Collections.list(urls)) {
      for (String line : new String(u.openStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line = line.strip();
        if (line.startsWith(pkg) && !line.substring(pkg.length()).contains(".")) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
