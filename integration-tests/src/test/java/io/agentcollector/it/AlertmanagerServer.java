package io.agentcollector.it;

import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Alertmanager (/usr/bin/prometheus-alertmanager) on a free loopback port, with its own
 * storage directory and no cluster listener (it would bind every interface on 9094).
 */
final class AlertmanagerServer implements AutoCloseable {

  /** One route to a receiver that notifies nobody: the test reads alerts from the API. */
  private static final String CONFIG =
      """
      route:
        receiver: nobody
        group_by: [alertname]
        group_wait: 1s
        group_interval: 1s
        repeat_interval: 1h
      receivers:
        - name: nobody
      """;

  private final ServerProcess process;

  private AlertmanagerServer(ServerProcess process) {
    this.process = process;
  }

  static AlertmanagerServer start(Path dir) throws Exception {
    Path binary =
        Infra.requireCommand(
            "/usr/bin/prometheus-alertmanager", "apt-get install prometheus-alertmanager");
    Files.createDirectories(dir);
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
    int port = Ports.free();
    ServerProcess p =
        ServerProcess.start(
            "alertmanager",
            List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="),
            dir.resolve("alertmanager.log"),
            port);
    try {
      p.awaitReady("/-/ready", Duration.ofSeconds(30));
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return new AlertmanagerServer(p);
  }

  int port() {
    return process.port();
  }

  /** API v2 {@code GET /api/v2/alerts}: the alerts Alertmanager holds that have not ended. */
  JsonNode alerts() {
    var r = process.get("/api/v2/alerts");
    if (r.statusCode() != 200) {
      throw new AssertionError("/api/v2/alerts answered " + r.statusCode() + ": " + r.body());
    }
    return Json.parse(r.body());
  }

  String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
