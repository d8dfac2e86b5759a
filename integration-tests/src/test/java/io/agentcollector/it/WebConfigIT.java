package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code web.config-file} on the tarball: certificates from openssl, TLS and basic auth checked
 * with curl, Debian's Prometheus scraping over TLS with basic auth, then an edit to mutual TLS that
 * applies without a restart, and a broken edit that keeps it.
 */
class WebConfigIT {

  /** htpasswd -nbBC 10 prometheus secret */
  private static final String HASH = "$2y$10$twD10PzZj4mtiZO.Fj3qyOI70oVy24buHwi49KP/LRGMu43zsAiNC";

  @TempDir Path tmp;

  @Test
  void tlsBasicAuthPrometheusAndReload() throws Exception {
    Infra.requireCommand("openssl", "apt-get install openssl");
    Infra.requireCommand("curl", "apt-get install curl");
    Path certs = Files.createDirectories(tmp.resolve("certs"));
    makeCertificates(certs);
    Path web = certs.resolve("web.yml");
    Files.writeString(
        web,
        """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
        http_server_config:
          headers:
            X-Frame-Options: deny
        basic_auth_users:
          prometheus: %s
        """
            .formatted(HASH));
    Path home = Distribution.unpack(tmp);
    int port = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(home, port, Map.of("CONFIG_FORCE_web_config__file", web.toString()))) {
      String url = "https://127.0.0.1:" + port + "/metrics";
      List<String> ca = List.of("--cacert", certs.resolve("ca.crt").toString());
      await(
          "agent serving TLS", () -> curl(url, ca, "-u", "prometheus:secret").equals("200"), agent);
      assertThat(curl(url, ca)).as("no credentials").isEqualTo("401");
      assertThat(curl(url, ca, "-u", "prometheus:wrong")).as("wrong password").isEqualTo("401");
      assertThat(
              curl("http://127.0.0.1:" + port + "/metrics", List.of(), "-u", "prometheus:secret"))
          .as("plain HTTP on the TLS port")
          .isNotEqualTo("200");
      assertThat(curlHeaders(url, ca, "-u", "prometheus:secret")).contains("x-frame-options: deny");

      prometheusScrapesOverTlsWithBasicAuth(port, certs);

      Files.writeString(
          web,
          """
          tls_server_config:
            cert_file: server.crt
            key_file: server.key
            client_auth_type: RequireAndVerifyClientCert
            client_ca_file: ca.crt
          basic_auth_users:
            prometheus: %s
          """
              .formatted(HASH));
      List<String> withCert = new ArrayList<>(ca);
      withCert.addAll(
          List.of(
              "--cert",
              certs.resolve("client.crt").toString(),
              "--key",
              certs.resolve("client.key").toString()));
      await(
          "mutual TLS after the edit",
          () -> !curl(url, ca, "-u", "prometheus:secret").equals("200"),
          agent);
      assertThat(curl(url, withCert, "-u", "prometheus:secret"))
          .as("client certificate + password")
          .isEqualTo("200");
      assertThat(curl(url, withCert)).as("client certificate, no password").isEqualTo("401");
      List<String> wrongCert = new ArrayList<>(ca);
      wrongCert.addAll(
          List.of(
              "--cert",
              certs.resolve("other.crt").toString(),
              "--key",
              certs.resolve("other.key").toString()));
      assertThat(curl(url, wrongCert, "-u", "prometheus:secret"))
          .as("certificate of another CA")
          .isEqualTo("000");

      Files.writeString(web, Files.readString(web) + "unknown_key: 1\n");
      AgentProcess.sleep(2500);
      assertThat(curl(url, withCert, "-u", "prometheus:secret"))
          .as("broken edit keeps mTLS")
          .isEqualTo("200");
      assertThat(curl(url, ca, "-u", "prometheus:secret")).isEqualTo("000");
      assertThat(
              agent
                  .log()
                  .lines()
                  .filter(l -> l.contains("WARN") && l.contains("unknown_key: unknown key")))
          .as("one WARN for the broken edit\n" + agent.log())
          .hasSize(1);
      assertThat(agent.log().lines().filter(l -> l.contains("INFO") && l.contains("reloaded")))
          .as("one INFO for the good edit")
          .hasSize(1);
    }
  }

  private void prometheusScrapesOverTlsWithBasicAuth(int port, Path certs) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("prometheus"));
    Files.writeString(
        dir.resolve("prometheus.yml"),
        """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: agent
            scheme: https
            tls_config:
              ca_file: %s
            basic_auth:
              username: prometheus
              password: secret
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """
            .formatted(certs.resolve("ca.crt"), port));
    try (PrometheusServer prometheus = PrometheusServer.start(dir.resolve("prometheus.yml"), dir)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      JsonNode up = null;
      while (System.nanoTime() < deadline) {
        up = prometheus.query("up{job=\"agent\"}");
        if (!up.isEmpty() && up.get(0).path("value").get(1).asString("").equals("1")) {
          break;
        }
        ServerProcess.pause(500);
      }
      assertThat(up)
          .as("up\ntargets: %s\nlog: %s", prometheus.targets(), prometheus.log())
          .isNotNull();
      assertThat(up.get(0).path("value").get(1).asString(""))
          .as("up over TLS + basic auth: %s", prometheus.targets())
          .isEqualTo("1");
    }
  }

  /**
   * A CA, a server certificate for 127.0.0.1 and a client certificate from it, one from another CA.
   */
  private static void makeCertificates(Path d) {
    for (String ca : List.of("ca", "otherca")) {
      openssl(
          d,
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:P-256",
          "-nodes",
          "-keyout",
          ca + ".key",
          "-out",
          ca + ".crt",
          "-days",
          "2",
          "-subj",
          "/CN=" + ca);
    }
    signed(d, "server", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost");
    signed(d, "client", "ca", "extendedKeyUsage=clientAuth");
    signed(d, "other", "otherca", "extendedKeyUsage=clientAuth");
  }

  private static void signed(Path d, String name, String ca, String ext) {
    openssl(
        d,
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr",
        "-subj",
        "/CN=" + name);
    try {
      Files.writeString(d.resolve(name + ".ext"), ext + "\n");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    openssl(
        d,
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        ca + ".crt",
        "-CAkey",
        ca + ".key",
        "-CAcreateserial",
        "-out",
        name + ".crt",
        "-days",
        "2",
        "-extfile",
        name + ".ext");
  }

  private static void openssl(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    run(dir, cmd, true);
  }

  /** The HTTP status curl got, "000" when no HTTP answer came (TLS refused). */
  private static String curl(String url, List<String> tls, String... more) {
    List<String> cmd =
        new ArrayList<>(
            List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10"));
    cmd.addAll(tls);
    cmd.addAll(List.of(more));
    cmd.add(url);
    return run(null, cmd, false).strip();
  }

  private static String curlHeaders(String url, List<String> tls, String... more) {
    List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-I", "--max-time", "10"));
    cmd.addAll(tls);
    cmd.addAll(List.of(more));
    cmd.add(url);
    return run(null, cmd, false).toLowerCase(java.util.Locale.ROOT);
  }

  private static String run(Path dir, List<String> cmd, boolean mustSucceed) {
    try {
      ProcessBuilder b = new ProcessBuilder(cmd);
      if (mustSucceed) {
        b.redirectErrorStream(true); // openssl's complaint goes into the failure message
      } else {
        b.redirectError(ProcessBuilder.Redirect.DISCARD);
      }
      if (dir != null) {
        b.directory(dir.toFile());
      }
      Process p = b.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || (mustSucceed && p.exitValue() != 0)) {
        throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
      }
      return out;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void await(String what, Supplier<Boolean> condition, AgentProcess agent) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (condition.get()) {
        return;
      }
      AgentProcess.sleep(200);
    }
    throw new AssertionError("not reached: " + what + "\n" + agent.log());
  }
}
