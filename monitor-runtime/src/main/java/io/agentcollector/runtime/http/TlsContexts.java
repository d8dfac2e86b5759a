package io.agentcollector.runtime.http;

import io.agentcollector.runtime.http.webconfig.TlsSettings;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS context from {@code tls_server_config}: key store and trust store built in memory.
 */
final class TlsContexts {

  /** Go serves TLS 1.3 with its own fixed suites whatever cipher_suites says; so do we. */
  private static final List<String> TLS13_SUITES =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private static final String PASSWORD = "in-memory";

  private TlsContexts() {}

  static SslContextFactory.Server create(TlsSettings tls) {
    SslContextFactory.Server f = new SslContextFactory.Server();
    configure(f, tls);
    return f;
  }

  static void configure(SslContextFactory f, TlsSettings tls) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "server", tls.key(), PASSWORD.toCharArray(), tls.chain().toArray(new Certificate[0]));
      f.setKeyStore(keys);
      f.setKeyStorePassword(PASSWORD);
      f.setKeyManagerPassword(PASSWORD);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < tls.clientCas().size(); i++) {
        trust.setCertificateEntry("ca" + i, tls.clientCas().get(i));
      }
      f.setTrustStore(trust);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("in-memory key store: " + e, e);
    }
    f.setTrustAll(!tls.clientAuth().verify());
    if (f instanceof SslContextFactory.Server server) {
      server.setWantClientAuth(tls.clientAuth().want());
      server.setNeedClientAuth(tls.clientAuth().need());
    }
    f.setIncludeProtocols(tls.protocols().toArray(new String[0]));
    if (tls.cipherSuites().isEmpty()) {
      f.setIncludeCipherSuites();
    } else {
      List<String> suites = new ArrayList<>(tls.cipherSuites());
      suites.addAll(TLS13_SUITES);
      f.setIncludeCipherSuites(suites.toArray(new String[0]));
      f.setExcludeCipherSuites(); // the user chose: Jetty's default exclusions would drop CBC
      // suites
    }
    f.setUseCipherSuitesOrder(tls.preferServerCipherSuites());
  }
}
