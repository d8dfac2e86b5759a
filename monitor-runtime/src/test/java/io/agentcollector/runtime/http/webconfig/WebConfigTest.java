package io.agentcollector.runtime.http.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebConfigTest {

  /** htpasswd -nbBC 10 prometheus secret */
  static final String HASH = "$2y$10$twD10PzZj4mtiZO.Fj3qyOI70oVy24buHwi49KP/LRGMu43zsAiNC";

  @TempDir static Path dir;

  @BeforeAll
  static void certs() throws Exception {
    io.agentcollector.runtime.http.TestCertsAccess.create(dir, "server");
  }

  private static WebConfig parse(String yaml) throws WebConfigException {
    return WebConfig.parse(yaml, dir.resolve("web.yml"));
  }

  @Test
  void emptyFileIsPlainHttpWithoutAuth() throws Exception {
    WebConfig c = parse("");
    assertThat(c.tls()).isNull();
    assertThat(c.users()).isEmpty();
    assertThat(c.headers()).isEmpty();
    assertThat(c.rateLimit()).isNull();
  }

  @Test
  void readsEveryKeyWithExporterToolkitsDefaults() throws Exception {
    WebConfig c =
        parse(
            """
            tls_server_config:
              cert_file: server.crt
              key_file: server.key
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: server.crt
              min_version: TLS13
              cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]
              prefer_server_cipher_suites: false
            http_server_config:
              http2: false
              headers:
                X-Frame-Options: deny
                Strict-Transport-Security: max-age=31536000
            rate_limit:
              burst: 5
              interval: 100ms
            basic_auth_users:
              prometheus: %s
            """
                .formatted(HASH));
    assertThat(c.tls().clientAuth()).isEqualTo(ClientAuth.RequireAndVerifyClientCert);
    assertThat(c.tls().protocols()).containsExactly("TLSv1.3");
    assertThat(c.tls().clientCas()).hasSize(1);
    assertThat(c.tls().chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=server");
    assertThat(c.tls().cipherSuites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    assertThat(c.tls().preferServerCipherSuites()).isFalse();
    assertThat(c.tls().files())
        .containsExactly(
            dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("server.crt"));
    assertThat(c.headers())
        .isEqualTo(
            Map.of("X-Frame-Options", "deny", "Strict-Transport-Security", "max-age=31536000"));
    assertThat(c.rateLimit()).isEqualTo(new WebConfig.RateLimit(5, Duration.ofMillis(100)));
    assertThat(c.users()).isEqualTo(Map.of("prometheus", HASH));
  }

  @Test
  void defaultsAreTls12To13AndNoClientCert() throws Exception {
    WebConfig c = parse("tls_server_config: {cert_file: server.crt, key_file: server.key}");
    assertThat(c.tls().protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(c.tls().clientAuth()).isEqualTo(ClientAuth.NoClientCert);
    assertThat(c.tls().preferServerCipherSuites()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top key      | basic_auth_user: {}                                              | basic_auth_users_x",
        "unknown tls key      | tls_server_config: {cert_file: server.crt, key_file: server.key, certfile: x} | tls_server_config.certfile: unknown key",
        "missing key          | tls_server_config: {cert_file: server.crt}                       | tls_server_config.key_file: missing one of key or key_file",
        "missing cert         | tls_server_config: {key_file: server.key}                        | tls_server_config.cert_file: missing one of cert or cert_file",
        "bad client auth      | tls_server_config: {cert_file: server.crt, key_file: server.key, client_auth_type: Maybe} | tls_server_config.client_auth_type: invalid ClientAuth: Maybe",
        "ca without auth      | tls_server_config: {cert_file: server.crt, key_file: server.key, client_ca_file: server.crt} | tls_server_config.client_ca_file: client CA's have been configured without a Client Auth Policy",
        "bad version          | tls_server_config: {cert_file: server.crt, key_file: server.key, min_version: TLS14} | tls_server_config.min_version: unknown TLS version: TLS14",
        "min above max        | tls_server_config: {cert_file: server.crt, key_file: server.key, min_version: TLS13, max_version: TLS12} | tls_server_config.min_version: above max_version",
        "bad cipher           | tls_server_config: {cert_file: server.crt, key_file: server.key, cipher_suites: [TLS_NOPE]} | tls_server_config.cipher_suites: unknown cipher: TLS_NOPE",
        "missing cert file    | tls_server_config: {cert_file: nope.crt, key_file: server.key}  | tls_server_config.cert_file: cannot read",
        "key is a cert        | tls_server_config: {cert_file: server.crt, key_file: server.crt} | tls_server_config.key_file: no PEM private key",
        "cert is a key        | tls_server_config: {cert_file: server.key, key_file: server.key} | tls_server_config.cert_file: no PEM certificate",
        "curves               | tls_server_config: {cert_file: server.crt, key_file: server.key, curve_preferences: [X25519]} | tls_server_config.curve_preferences: not supported",
        "header not allowed   | http_server_config: {headers: {X-Foo: bar}}                      | http_server_config.headers.X-Foo: HTTP header \"X-Foo\" can not be configured",
        "header bad value     | http_server_config: {headers: {X-Frame-Options: allow}}          | http_server_config.headers.X-Frame-Options: invalid value \"allow\"",
        "http2 not a bool     | http_server_config: {http2: maybe}                               | http_server_config.http2: expected true or false",
        "plain password       | basic_auth_users: {alice: secret}                                | basic_auth_users.alice: not a bcrypt hash",
        "users not a map      | basic_auth_users: [alice]                                        | basic_auth_users: expected a mapping",
        "bad interval         | rate_limit: {interval: soon}                                     | rate_limit.interval: expected a duration",
        "interval beyond long | rate_limit: {interval: 77777777777777777777777s}                 | rate_limit.interval: duration too long",
        "interval overflows   | rate_limit: {interval: 9000000000000000h}                        | rate_limit.interval: duration too long",
        "not yaml             | 'tls_server_config: {'                                           | not valid YAML",
        "not a mapping        | '- a'                                                            | expected a mapping of keys at the top level",
      })
  void rejectsWithTheKey(String what, String yaml, String message) {
    String expected = what.equals("unknown top key") ? "basic_auth_user: unknown key" : message;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(WebConfigException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void loadPrefixesTheFile() throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "tls_server_config:\n  cert_file: server.crt\n");
    assertThatThrownBy(() -> WebConfig.load(file))
        .hasMessage(file + ": tls_server_config.key_file: missing one of key or key_file");
    assertThatThrownBy(() -> WebConfig.load(dir.resolve("absent.yml")))
        .hasMessageStartingWith(dir.resolve("absent.yml") + ": cannot read");
  }

  @Test
  void legacyKeyFormatsAskForPkcs8() throws Exception {
    Files.writeString(
        dir.resolve("rsa.key"),
        "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> parse("tls_server_config: {cert_file: server.crt, key_file: rsa.key}"))
        .hasMessageContaining(
            "tls_server_config.key_file: \"RSA PRIVATE KEY\" keys are not supported")
        .hasMessageContaining("openssl pkcs8 -topk8");
  }
}
