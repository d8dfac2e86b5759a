package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web config file in front of the routes: basic auth, headers, TLS, mTLS and reload. */
class WebFrontTest {

  /** htpasswd -nbBC 10 prometheus secret */
  private static final String HASH = "$2y$10$twD10PzZj4mtiZO.Fj3qyOI70oVy24buHwi49KP/LRGMu43zsAiNC";

  @TempDir static Path dir;
  private static TestCerts server;
  private static TestCerts client;
  private HttpEndpoint endpoint;

  @BeforeAll
  static void certs() throws Exception {
    server = TestCerts.create(dir, "server");
    client = TestCerts.create(dir, "client");
  }

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private Path webConfig(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private void start(Path file) {
    endpoint =
        HttpEndpoint.start(
            new HttpEndpoint.Settings(new ListenAddress("127.0.0.1", 0), 2, 64, file),
            new PrometheusRegistry(),
            () -> 1,
            new StatusPage(new BuildInfo("1", "r", "17"), List.of(), Map.of(), Map.of()));
  }

  private HttpResponse<String> get(
      HttpClient http, String scheme, String path, String user, String pass) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + endpoint.port() + path))
            .timeout(Duration.ofSeconds(10));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void basicAuthGuardsEveryPathAndHeadersGoOnEveryAnswer() throws Exception {
    start(
        webConfig(
            "auth.yml",
            """
        basic_auth_users:
          prometheus: %s
        http_server_config:
          headers:
            X-Content-Type-Options: nosniff
        """
                .formatted(HASH)));
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/", "/metrics", "/-/healthy", "/-/ready", "/nope")) {
      var none = get(http, "http", path, null, null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic");
      assertThat(none.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(get(http, "http", path, "prometheus", "wrong").statusCode()).isEqualTo(401);
      assertThat(get(http, "http", path, "nobody", "secret").statusCode()).isEqualTo(401);
    }
    var ok = get(http, "http", "/metrics", "prometheus", "secret");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(get(http, "http", "/nope", "prometheus", "secret").statusCode()).isEqualTo(404);
  }

  @Test
  void tlsServesHttpsOnly() throws Exception {
    start(
        webConfig("tls.yml", "tls_server_config: {cert_file: server.crt, key_file: server.key}\n"));
    HttpClient https =
        HttpClient.newBuilder().sslContext(TestCerts.clientContext(server, null)).build();
    assertThat(get(https, "https", "/metrics", null, null).statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "http", "/metrics", null, null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void mutualTlsNeedsACertificateFromTheClientCa() throws Exception {
    start(
        webConfig(
            "mtls.yml",
            """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          client_auth_type: RequireAndVerifyClientCert
          client_ca_file: client.crt
        """));
    HttpClient withCert =
        HttpClient.newBuilder().sslContext(TestCerts.clientContext(server, client)).build();
    assertThat(get(withCert, "https", "/metrics", null, null).statusCode()).isEqualTo(200);
    HttpClient without =
        HttpClient.newBuilder().sslContext(TestCerts.clientContext(server, null)).build();
    assertThatThrownBy(() -> get(without, "https", "/metrics", null, null))
        .isInstanceOf(IOException.class);
    // the server's own certificate is not from client.crt
    HttpClient wrongCert =
        HttpClient.newBuilder().sslContext(TestCerts.clientContext(server, server)).build();
    assertThatThrownBy(() -> get(wrongCert, "https", "/metrics", null, null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aChangedFileAppliesWithoutRestartAndABrokenOneKeepsThePrevious() throws Exception {
    Path file = webConfig("reload.yml", "");
    start(file);
    HttpClient http = HttpClient.newHttpClient();
    assertThat(get(http, "http", "/metrics", null, null).statusCode()).isEqualTo(200);

    Files.writeString(file, "basic_auth_users:\n  prometheus: " + HASH + "\n");
    awaitStatus(http, null, 401);
    assertThat(get(http, "http", "/metrics", "prometheus", "secret").statusCode()).isEqualTo(200);

    Files.writeString(file, "basic_auth_users:\n  prometheus: " + HASH + "\nnonsense: 1\n");
    Thread.sleep(2500);
    assertThat(get(http, "http", "/metrics", null, null).statusCode())
        .as("broken edit: previous kept")
        .isEqualTo(401);

    Files.writeString(file, "# auth off again\n");
    awaitStatus(http, null, 200);
  }

  private void awaitStatus(HttpClient http, String user, int status) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int last = -1;
    while (System.nanoTime() < deadline) {
      last = get(http, "http", "/metrics", user, "secret").statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(last).as("status after the edit").isEqualTo(status);
  }

  @Test
  void aBadFileAtStartIsAConfigErrorNamingFileAndKey() throws Exception {
    Path file = webConfig("bad.yml", "tls_server_config:\n  cert_file: server.crt\n");
    assertThatThrownBy(() -> start(file))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            "web.config-file = \""
                + file
                + "\": "
                + file
                + ": tls_server_config.key_file: missing one of key or key_file");
  }
}
