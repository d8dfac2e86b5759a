package io.agentcollector.runtime.http.webconfig;

/** exporter-toolkit's {@code client_auth_type} values (Go's {@code tls.ClientAuthType}). */
public enum ClientAuth {
  /** Never asks for a client certificate. */
  NoClientCert(false, false, false),
  /** Asks, does not require one, does not verify what is sent. */
  RequestClientCert(true, false, false),
  /** Requires one, does not verify it. */
  RequireAnyClientCert(true, true, false),
  /** Asks, verifies against client_ca_file if one is sent. */
  VerifyClientCertIfGiven(true, false, true),
  /** Requires one that verifies against client_ca_file. */
  RequireAndVerifyClientCert(true, true, true);

  private final boolean want;
  private final boolean need;
  private final boolean verify;

  ClientAuth(boolean want, boolean need, boolean verify) {
    this.want = want;
    this.need = need;
    this.verify = verify;
  }

  public boolean want() {
    return want;
  }

  public boolean need() {
    return need;
  }

  public boolean verify() {
    return verify;
  }

  static ClientAuth parse(String key, String value) throws WebConfigException {
    return switch (value) {
      case "", "NoClientCert" -> NoClientCert;
      case "RequestClientCert" -> RequestClientCert;
      // RequireClientCert: exporter-toolkit keeps the old name working.
      case "RequireAnyClientCert", "RequireClientCert" -> RequireAnyClientCert;
      case "VerifyClientCertIfGiven" -> VerifyClientCertIfGiven;
      case "RequireAndVerifyClientCert" -> RequireAndVerifyClientCert;
      default ->
          throw new WebConfigException(
              key
                  + ": invalid ClientAuth: "
                  + value
                  + " (expected NoClientCert, RequestClientCert, RequireAnyClientCert,"
                  + " VerifyClientCertIfGiven or RequireAndVerifyClientCert)");
    };
  }
}
