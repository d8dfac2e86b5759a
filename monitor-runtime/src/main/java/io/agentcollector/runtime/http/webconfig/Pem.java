package io.agentcollector.runtime.http.webconfig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM certificates and PKCS#8 keys, as exporter-toolkit reads them, through the JDK's own parsers.
 */
final class Pem {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  private Pem() {}

  /** Every certificate in {@code text}; none is an error naming {@code key}. */
  static List<X509Certificate> certificates(String key, String text) throws WebConfigException {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        if (m.group(1).equals("CERTIFICATE")) {
          byte[] der = decode(key, m.group(2));
          out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
        }
      }
    } catch (CertificateException e) {
      throw new WebConfigException(key + ": not a valid PEM certificate: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new WebConfigException(
          key + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    }
    return out;
  }

  /** The first private key in {@code text}: PKCS#8 ("BEGIN PRIVATE KEY"), RSA, EC or EdDSA. */
  static PrivateKey privateKey(String key, String text) throws WebConfigException {
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      if (type.equals("PRIVATE KEY")) {
        return pkcs8(key, decode(key, m.group(2)));
      }
      if (type.endsWith("PRIVATE KEY")) {
        throw new WebConfigException(
            key
                + ": \""
                + type
                + "\" keys are not supported; convert to"
                + " PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8");
      }
    }
    throw new WebConfigException(key + ": no PEM private key (-----BEGIN PRIVATE KEY-----) found");
  }

  private static PrivateKey pkcs8(String key, byte[] der) throws WebConfigException {
    for (String algorithm : List.of("RSA", "EC", "EdDSA", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    throw new WebConfigException(key + ": not an RSA, EC or EdDSA PKCS#8 private key");
  }

  private static byte[] decode(String key, String base64) throws WebConfigException {
    try {
      return Base64.getMimeDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new WebConfigException(key + ": bad base64 in PEM block: " + e.getMessage());
    }
  }
}
