// The markdown table of scripts/weight.sh: reads the key=value lines of scripts/bench/Weight.java
// (stdin) and prints, per figure of issue #18's acceptance, every run's value of the agent and of
// node_exporter from the same run, their ratio per run, the medians and the target.
//   java scripts/bench/WeightTable.java < raw.txt
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

public class WeightTable {
  /** profile -> run -> target -> key -> value. */
  static final Map<String, Map<Integer, Map<String, Map<String, String>>>> DATA = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.startsWith("profile=")) {
        continue;
      }
      Map<String, String> kv = new LinkedHashMap<>();
      for (String f : line.trim().split("\\s+")) {
        int eq = f.indexOf('=');
        kv.put(f.substring(0, eq), f.substring(eq + 1));
      }
      DATA.computeIfAbsent(kv.get("profile"), p -> new LinkedHashMap<>())
          .computeIfAbsent(Integer.parseInt(kv.get("run")), r -> new TreeMap<>())
          .put(kv.get("target"), kv);
    }
    System.out.println("| profile | figure | agent, per run | node_exporter, per run | ratio, per run | median (ratio) | target | met |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (String profile : DATA.keySet()) {
      boolean host = profile.equals("host");
      for (String key : DATA.get(profile).values().iterator().next().get("agent").keySet()) {
        if (key.startsWith("cpu_ms_")) {
          String[] w = key.substring(7).split("_");
          String target = host ? "ratio <= 1.0" : profile.equals("containers") ? "<= 50 ms" : "";
          row(profile, "CPU ms per cycle (node_exporter: per scrape), " + w[0] + "-" + w[1] + " s after start", key, target);
        }
      }
      row(profile, "RSS MiB after 100 scrapes", "rss_mib", host ? "<= 64" : profile.equals("k8s") ? "<= 100" : profile.equals("containers") ? "<= 112" : "");
      row(profile, "VmHWM MiB after 100 scrapes", "hwm_mib", "");
      row(profile, "start -> first 200 ms (agent /-/ready, node_exporter /metrics)", "start_ms", host ? "<= 1000" : profile.equals("k8s") ? "<= 2000" : "");
      if (host) {
        absentCost(profile);
      }
    }
  }

  /** Agent, node_exporter and their ratio per run; met: the agent's median, or the ratio's. */
  static void row(String profile, String figure, String key, String target) {
    List<Double> agent = values(profile, "agent", key);
    List<Double> ne = values(profile, "node_exporter", key);
    List<Double> ratio = new ArrayList<>();
    for (int i = 0; i < Math.min(agent.size(), ne.size()); i++) {
      ratio.add(agent.get(i) / ne.get(i));
    }
    String median = fmt(median(agent)) + (ratio.isEmpty() ? "" : " (" + fmt(median(ratio)) + "×)");
    String met = "";
    if (target.startsWith("ratio <= ")) {
      met = ratio.isEmpty() ? "?" : median(ratio) <= Double.parseDouble(target.substring(9)) ? "yes" : "no";
    } else if (target.startsWith("<= ")) {
      met = median(agent) <= Double.parseDouble(target.substring(3).split(" ")[0]) ? "yes" : "no";
    }
    print(profile, figure, join(agent, WeightTable::fmt), join(ne, WeightTable::fmt), join(ratio, r -> fmt(r) + "×"), median, target, met);
  }

  /** An installed, enabled runtime plugin with no daemon: RSS against the agent without both, same run. */
  static void absentCost(String profile) {
    List<Double> with = values(profile, "agent", "rss_mib");
    List<Double> without = values(profile, "agent-noruntimes", "rss_mib");
    if (!without.isEmpty()) {
      List<Double> diff = new ArrayList<>();
      for (int i = 0; i < Math.min(with.size(), without.size()); i++) {
        diff.add(with.get(i) - without.get(i));
      }
      double m = median(diff);
      print(profile, "absent docker + containerd: RSS MiB, default - both disabled (" + join(without, WeightTable::fmt) + " MiB)",
          join(diff, WeightTable::fmt), "—", "—", fmt(m), "<= 2", m <= 2 ? "yes" : "no");
    }
    List<String> wakers = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    boolean extraQuiet = true;
    String cycles = "";
    for (Map<String, Map<String, String>> run : DATA.get(profile).values()) {
      Map<String, String> a = run.get("agent");
      if (a == null || !a.containsKey("switches")) {
        continue;
      }
      cycles = a.get("cycles");
      long n = Long.parseLong(cycles);
      Map<String, String> bare = run.get("agent-noruntimes");
      List<String> bareNames = new ArrayList<>();
      if (bare != null && bare.containsKey("switches")) {
        for (String t : bare.get("switches").split(",")) {
          bareNames.add(kind(t));
        }
      }
      List<String> woke = new ArrayList<>();
      List<String> own = new ArrayList<>();
      for (String t : a.get("switches").split(",")) {
        long k = Long.parseLong(t.substring(t.lastIndexOf(':') + 1));
        String shown = t.substring(0, t.lastIndexOf(':')) + " " + fmt((double) k / n);
        if (k > n) {
          woke.add(shown);
        }
        if (bare != null && !bareNames.contains(kind(t))) {
          own.add(shown);
          extraQuiet &= k <= n;
        }
      }
      wakers.add(woke.isEmpty() ? "none" : String.join(", ", woke));
      extra.add(bare == null ? "—" : own.isEmpty() ? "none" : String.join(", ", own));
    }
    if (!wakers.isEmpty()) {
      print(profile, "agent threads switching more than once per cycle, last window (" + cycles + " cycles): comm, switches per cycle",
          String.join(" / ", wakers), "—", "—", "", "", "");
      print(profile, "threads of the absent docker + containerd (not in the agent without them): comm, switches per cycle",
          String.join(" / ", extra), "—", "—", "", "<= 1 per cycle", extraQuiet ? "yes" : "no");
    }
  }

  /** A thread's kind: its comm without (new) and :count, numbers as # (http-33-accepto: http-#-accepto). */
  static String kind(String thread) {
    return thread.substring(0, thread.lastIndexOf(':')).replace("(new)", "").replaceAll("[0-9]+", "#");
  }

  static List<Double> values(String profile, String target, String key) {
    List<Double> out = new ArrayList<>();
    for (Map<String, Map<String, String>> run : DATA.get(profile).values()) {
      Map<String, String> t = run.get(target);
      if (t != null && t.containsKey(key)) {
        out.add(Double.parseDouble(t.get(key)));
      }
    }
    return out;
  }

  static double median(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String join(List<Double> v, Function<Double, String> f) {
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(f.apply(x)));
    return out.isEmpty() ? "—" : String.join(" / ", out);
  }

  static String fmt(double x) {
    // Milliseconds of start are whole numbers: shown without the .0.
    return Double.isNaN(x) ? "—" : x == Math.rint(x) && Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
  }

  static void print(String... cells) {
    System.out.println("| " + String.join(" | ", cells) + " |");
  }
}
