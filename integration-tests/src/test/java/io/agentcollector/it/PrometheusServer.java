package io.agentcollector.it;

import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Prometheus (/usr/bin/prometheus) on a free loopback port with its own TSDB directory.
 */
final class PrometheusServer implements AutoCloseable {

  private final ServerProcess process;

  private PrometheusServer(ServerProcess process) {
    this.process = process;
  }

  /**
   * Starts Prometheus with {@code config}, keeping its data and log in {@code dir}; waits until
   * ready.
   */
  static PrometheusServer start(Path config, Path dir) throws Exception {
    Path binary = Infra.requireCommand("/usr/bin/prometheus", "apt-get install prometheus");
    Files.createDirectories(dir);
    int port = Ports.free();
    ServerProcess p =
        ServerProcess.start(
            "prometheus",
            List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port),
            dir.resolve("prometheus.log"),
            port);
    try {
      p.awaitReady("/-/ready", Duration.ofSeconds(30));
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return new PrometheusServer(p);
  }

  /**
   * An instant query; returns {@code data.result}, fails on an error answer (e.g. a syntax error).
   */
  JsonNode query(String expr) {
    HttpResponse<String> r =
        process.get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    JsonNode body = Json.parse(r.body());
    if (r.statusCode() != 200 || !"success".equals(body.path("status").asString(""))) {
      throw new AssertionError("query " + expr + " answered " + r.statusCode() + ": " + r.body());
    }
    return body.path("data").path("result");
  }

  /** The targets' health as Prometheus sees it ({@code /api/v1/targets}, active targets). */
  JsonNode targets() {
    return Json.parse(process.get("/api/v1/targets?state=active").body())
        .path("data")
        .path("activeTargets");
  }

  /** The loaded rules with their evaluation health ({@code /api/v1/rules}, data.groups). */
  JsonNode ruleGroups() {
    return Json.parse(process.get("/api/v1/rules").body()).path("data").path("groups");
  }

  String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
