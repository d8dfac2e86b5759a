package io.agentcollector.runtime.http.webconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * {@code tls_server_config}, loaded: certificate chain and key read and parsed, so a bad file fails
 * here and not at the first handshake. Versions are JDK protocol names.
 */
public record TlsSettings(
    List<X509Certificate> chain,
    PrivateKey key,
    ClientAuth clientAuth,
    List<X509Certificate> clientCas,
    String minVersion,
    String maxVersion,
    List<String> cipherSuites,
    boolean preferServerCipherSuites,
    List<Path> files) {

  private static final Map<String, String> VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> ORDER = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  /** The protocols from min to max, for the JDK's enabled-protocols list. */
  public List<String> protocols() {
    return ORDER.subList(ORDER.indexOf(minVersion), ORDER.indexOf(maxVersion) + 1);
  }

  /** Null when the section configures no TLS at all (exporter-toolkit's "TLS is disabled"). */
  static TlsSettings from(YamlSection s, Path dir) throws WebConfigException {
    String certFile = s.string("cert_file");
    String cert = s.string("cert");
    String keyFile = s.string("key_file");
    String key = s.string("key");
    String caFile = s.string("client_ca_file");
    String ca = s.string("client_ca");
    String authName = s.string("client_auth_type");
    String min = version(s, "min_version", "TLS12");
    String max = version(s, "max_version", "TLS13");
    List<String> ciphers = ciphers(s);
    boolean prefer = s.bool("prefer_server_cipher_suites", true);
    unsupported(s, "curve_preferences");
    unsupported(s, "client_allowed_sans");
    s.finish();
    boolean enabled = !(certFile + cert + keyFile + key + caFile + ca + authName).isEmpty();
    if (!enabled) {
      return null;
    }
    if (certFile.isEmpty() && cert.isEmpty()) {
      throw new WebConfigException(s.key("cert_file") + ": missing one of cert or cert_file");
    }
    if (keyFile.isEmpty() && key.isEmpty()) {
      throw new WebConfigException(s.key("key_file") + ": missing one of key or key_file");
    }
    List<Path> files = new ArrayList<>();
    List<X509Certificate> chain =
        Pem.certificates(
            s.key(certFile.isEmpty() ? "cert" : "cert_file"),
            text(s, "cert_file", certFile, cert, dir, files));
    PrivateKey pk =
        Pem.privateKey(
            s.key(keyFile.isEmpty() ? "key" : "key_file"),
            text(s, "key_file", keyFile, key, dir, files));
    ClientAuth auth = ClientAuth.parse(s.key("client_auth_type"), authName);
    List<X509Certificate> cas = List.of();
    if (!caFile.isEmpty() || !ca.isEmpty()) {
      cas =
          Pem.certificates(
              s.key(caFile.isEmpty() ? "client_ca" : "client_ca_file"),
              text(s, "client_ca_file", caFile, ca, dir, files));
      if (auth == ClientAuth.NoClientCert) {
        throw new WebConfigException(
            s.key("client_ca_file")
                + ": client CA's have been configured without a Client Auth Policy (client_auth_type)");
      }
    }
    if (ORDER.indexOf(min) > ORDER.indexOf(max)) {
      throw new WebConfigException(s.key("min_version") + ": above max_version");
    }
    return new TlsSettings(chain, pk, auth, cas, min, max, ciphers, prefer, List.copyOf(files));
  }

  /**
   * The file's text (relative to the web config's directory, as exporter-toolkit does) or the
   * inline text.
   */
  private static String text(
      YamlSection s, String name, String file, String inline, Path dir, List<Path> files)
      throws WebConfigException {
    if (file.isEmpty()) {
      return inline;
    }
    Path p = dir.resolve(file);
    files.add(p);
    try {
      return Files.readString(p, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new WebConfigException(s.key(name) + ": cannot read " + p + ": " + e.getMessage());
    }
  }

  private static String version(YamlSection s, String name, String dflt) throws WebConfigException {
    String v = s.string(name);
    String java = VERSIONS.get(v.isEmpty() ? dflt : v);
    if (java == null) {
      throw new WebConfigException(
          s.key(name) + ": unknown TLS version: " + v + " (expected TLS10, TLS11, TLS12 or TLS13)");
    }
    return java;
  }

  private static List<String> ciphers(YamlSection s) throws WebConfigException {
    List<String> names = s.strings("cipher_suites");
    if (names.isEmpty()) {
      return names;
    }
    Set<String> known;
    try {
      known = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
    for (String n : names) {
      if (!known.contains(n)) {
        throw new WebConfigException(s.key("cipher_suites") + ": unknown cipher: " + n);
      }
    }
    return List.copyOf(names);
  }

  private static void unsupported(YamlSection s, String name) throws WebConfigException {
    if (!s.strings(name).isEmpty()) {
      throw new WebConfigException(s.key(name) + ": not supported by agent-collector (remove it)");
    }
  }
}
