package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.ExpositionSamples.Sample;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent and Debian's node_exporter 1.5.0 side by side on this machine's real /proc and /sys:
 * every family node_exporter exposes for the collectors we mirror must exist with the same name,
 * type and label sets, and equal (constants) or close (everything else) values. Families we do not
 * expose must be listed in {@link #KNOWN_GAPS} and in docs/compatibility.md.
 */
class NodeExporterParityIT {

  /** Family → why we do not expose it. Each is also listed in docs/compatibility.md. */
  static final Map<String, String> KNOWN_GAPS = Map.of();

  /** Constants of the machine: equal, not just close. */
  static final Set<String> EXACT =
      Set.of(
          "node_memory_MemTotal_bytes",
          "node_memory_SwapTotal_bytes",
          "node_memory_HugePages_Total",
          "node_memory_numa_MemTotal",
          "node_memory_Hugepagesize_bytes",
          "node_boot_time_seconds",
          "node_network_mtu_bytes",
          "node_network_speed_bytes",
          "node_network_info",
          "node_filesystem_size_bytes",
          "node_filesystem_files",
          "node_filesystem_readonly",
          "node_filefd_maximum",
          "node_entropy_pool_size_bits",
          "node_nf_conntrack_entries_limit",
          "node_uname_info",
          "node_os_info",
          "node_os_version",
          "node_selinux_enabled",
          "node_processes_max_processes",
          "node_processes_max_threads");

  /**
   * Families whose value moves too fast between two scrapes to compare; names and labels still are.
   * Socket buffer memory (sockstat mem) is the data in flight on every TCP/UDP socket of the host
   * at the instant of reading, the scrapes' own connections included.
   */
  static final Set<String> VALUE_NOT_COMPARED =
      Set.of(
          "node_time_seconds",
          "node_timex_offset_seconds",
          "node_timex_frequency_adjustment_ratio",
          "node_timex_tai_offset_seconds",
          "node_load1",
          "node_procs_running",
          "node_procs_blocked",
          "node_disk_io_now",
          "node_sockstat_TCP_mem",
          "node_sockstat_TCP_mem_bytes",
          "node_sockstat_UDP_mem",
          "node_sockstat_UDP_mem_bytes");

  /**
   * Single series whose value is not compared, with the reason: the bytes in the TCP queues are
   * data in flight at the instant of reading, and node_exporter's (netlink) {@code tx_queued_bytes}
   * also counts each listening socket's backlog limit, which /proc/net/tcp does not show
   * (docs/compatibility.md).
   */
  static final Map<String, String> SERIES_NOT_COMPARED =
      Map.of(
          "node_tcp_connection_states{state=rx_queued_bytes}", "bytes in flight",
          "node_tcp_connection_states{state=tx_queued_bytes}", "listeners' backlog limits");

  /**
   * Families that expose only the label values seen (a TCP state, a process state): a series one
   * side lacks is 0 there, compared with the tolerance, since a connection or a process may change
   * state between the two reads.
   */
  static final Set<String> ABSENT_IS_ZERO =
      Set.of("node_tcp_connection_states", "node_processes_state", "node_processes_threads_state");

  private static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void mirroredCollectorsMatchNodeExporter() throws Exception {
    Path nodeExporter =
        Infra.requireCommand(
            "prometheus-node-exporter", "apt-get install prometheus-node-exporter");
    Path home = Distribution.unpack(tmp);
    Path conf = tmp.resolve("parity.conf");
    Files.writeString(
        conf,
        """
        host.label = ""
        self-metrics.jvm = false
        plugins.defaults.interval = 1s
        # node_exporter's collectors that are off by default: on here, and so on node_exporter too.
        plugins.net.collectors.tcpstat = true
        plugins.system.collectors.processes = true
        plugins.cpu.collectors.interrupts = true
        plugins.mem.collectors { buddyinfo = true, meminfo_numa = true }
        """);
    try (AgentProcess agent =
        AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString())) {
      agent.awaitReady(Duration.ofSeconds(30));
      ExpositionSamples ours = ExpositionSamples.parse(agent.metrics());
      List<String> mirrored =
          ours.family("node_scrape_collector_success").stream()
              .map(s -> s.labels().get("collector"))
              .sorted()
              .toList();
      assertThat(mirrored)
          .as("the distribution ships collectors that mirror node_exporter's")
          .isNotEmpty()
          .as("the collectors the config switches on take part")
          .contains("tcpstat", "processes", "interrupts");

      int port = Ports.free();
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  nodeExporter.toString(),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--collector.disable-defaults"));
      mirrored.forEach(c -> cmd.add("--collector." + c));
      Process ne =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("node_exporter.log").toFile())
              .start();
      try {
        String neText = scrapeWhenUp(port);
        // Theirs, ours, theirs again: a value that moves between scrapes must lie in between.
        ours = ExpositionSamples.parse(agent.metrics());
        ExpositionSamples theirs = ExpositionSamples.parse(neText);
        ExpositionSamples theirsAfter = ExpositionSamples.parse(scrapeWhenUp(port));
        List<String> problems = compare(theirs, theirsAfter, ours);
        assertThat(problems)
            .as("differences from node_exporter 1.5.0 for collectors %s", mirrored)
            .isEmpty();
        Promtool.Check ourLint = Promtool.checkMetrics(agent.metrics());
        Promtool.Check theirLint = Promtool.checkMetrics(neText);
        assertThat(ourLint.exitCode()).as("promtool parses ours").isNotEqualTo(1);
        assertThat(theirLint.lintLines())
            .as("promtool lints nothing in ours it does not lint in node_exporter's")
            .containsAll(ourLint.lintLines());
        String readme = Files.readString(Fixtures.projectRoot().resolve("docs/compatibility.md"));
        KNOWN_GAPS
            .keySet()
            .forEach(
                gap ->
                    assertThat(readme)
                        .as("known gap %s documented in docs/compatibility.md", gap)
                        .contains(gap));
      } finally {
        ne.destroy();
        ne.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static List<String> compare(
      ExpositionSamples theirs, ExpositionSamples theirsAfter, ExpositionSamples ours) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> family : theirs.types().entrySet()) {
      String name = family.getKey();
      if (!name.startsWith("node_")
          || name.startsWith("node_scrape_collector_")
          || name.equals("node_exporter_build_info")
          || KNOWN_GAPS.containsKey(name)) {
        continue;
      }
      String ourType = ours.types().get(name);
      if (ourType == null) {
        problems.add(name + ": missing (node_exporter has it as " + family.getValue() + ")");
        continue;
      }
      if (!ourType.equals(family.getValue())) {
        problems.add(name + ": type " + ourType + ", node_exporter says " + family.getValue());
      }
      Map<Map<String, String>, Double> a = byLabels(theirs.family(name));
      Map<Map<String, String>, Double> a2 = byLabels(theirsAfter.family(name));
      Map<Map<String, String>, Double> b = byLabels(ours.family(name));
      Set<Map<String, String>> onlyTheirs = new HashSet<>(a.keySet());
      onlyTheirs.removeAll(b.keySet());
      Set<Map<String, String>> onlyOurs = new HashSet<>(b.keySet());
      onlyOurs.removeAll(a.keySet());
      if (ABSENT_IS_ZERO.contains(name)) {
        onlyOurs.forEach(k -> a.put(k, 0.0));
        onlyTheirs.forEach(k -> b.put(k, 0.0));
      } else if (!onlyTheirs.isEmpty() || !onlyOurs.isEmpty()) {
        problems.add(
            name
                + ": label sets differ; only node_exporter: "
                + onlyTheirs
                + "; only ours: "
                + onlyOurs);
        continue;
      }
      if (VALUE_NOT_COMPARED.contains(name)) {
        continue;
      }
      for (Map.Entry<Map<String, String>, Double> e : a.entrySet()) {
        double before = e.getValue();
        double after = a2.getOrDefault(e.getKey(), before);
        double got = b.get(e.getKey());
        if (SERIES_NOT_COMPARED.containsKey(series(name, e.getKey()))) {
          continue;
        }
        if (!close(
            name, family.getValue(), Math.min(before, after), Math.max(before, after), got)) {
          problems.add(
              name + e.getKey() + ": " + got + ", node_exporter " + before + " then " + after);
        }
      }
    }
    for (String name : new TreeSet<>(ours.types().keySet())) {
      if (name.startsWith("node_")
          && !theirs.types().containsKey(name)
          && !name.startsWith("node_scrape_collector_")) {
        problems.add(
            name + ": we expose it, node_exporter 1.5.0 does not (new metrics do not go in node_)");
      }
    }
    return problems;
  }

  /**
   * Constants exactly. Otherwise the value must lie between node_exporter's readings before and
   * after ours, widened by: counters 5 % (or 5), gauges 10 % (or 1), machine-wide memory gauges 25
   * % (or 64 MiB) — they follow every process on the machine, ours included — buddyinfo's free
   * blocks 50 % (or 256) for the same reason, socket, TCP state and process counts 25 % (or 16):
   * the test's own scrape connections open and close them, and the machine starts and ends
   * processes and threads — and UDP queue bytes 25 % (or 64 KiB).
   */
  static boolean close(String name, String type, double low, double high, double got) {
    if (Double.isNaN(low) || Double.isNaN(got)) {
      return Double.isNaN(low) && Double.isNaN(got);
    }
    if (EXACT.contains(name)) {
      return got == low && got == high;
    }
    double scale = Math.max(Math.abs(high), Math.abs(got));
    double slack;
    if (type.equals("counter")) {
      slack = Math.max(5, 0.05 * scale);
    } else if (name.startsWith("node_buddyinfo_")) {
      // Free blocks per order follow every allocation on the host, the JVMs of the test included.
      slack = Math.max(256, 0.5 * scale);
    } else if (name.startsWith("node_memory_")) {
      slack = Math.max(64 * 1024 * 1024, 0.25 * scale);
    } else if (name.startsWith("node_sockstat_")
        || name.equals("node_netstat_Tcp_CurrEstab")
        || name.equals("node_tcp_connection_states")
        || name.startsWith("node_processes_")) {
      slack = Math.max(16, 0.25 * scale);
    } else if (name.equals("node_udp_queues")) {
      slack = Math.max(64 * 1024, 0.25 * scale);
    } else {
      slack = Math.max(1, 0.10 * scale);
    }
    return got >= low - slack && got <= high + slack;
  }

  /** {@code name{label=value,...}}, labels sorted, as {@link #SERIES_NOT_COMPARED} spells them. */
  static String series(String name, Map<String, String> labels) {
    StringJoiner j = new StringJoiner(",", name + "{", "}");
    new TreeMap<>(labels)
        .forEach(
            (k, v) -> {
              if (!k.equals("__name__")) {
                j.add(k + "=" + v);
              }
            });
    return j.toString();
  }

  private static Map<Map<String, String>, Double> byLabels(List<Sample> samples) {
    Map<Map<String, String>, Double> out = new HashMap<>();
    for (Sample s : samples) {
      Map<String, String> key = new TreeMap<>(s.labels());
      key.put("__name__", s.name());
      out.put(key, s.value());
    }
    return out;
  }

  private static String scrapeWhenUp(int port) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    for (int i = 0; i < 200; i++) {
      try {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("node_exporter did not come up on port " + port);
  }
}
