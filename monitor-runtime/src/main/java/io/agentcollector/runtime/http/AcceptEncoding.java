package io.agentcollector.runtime.http;

import java.util.List;

/**
 * Whether a response goes out gzipped, from the request's {@code Accept-Encoding} with q-values
 * (RFC 9110 §12.5.3): {@code gzip;q=0} refuses gzip, {@code *} stands for every coding not named,
 * and identity stays acceptable unless refused (we then send it even if refused, as RFC 9110
 * allows). Gzip wins a tie with identity.
 */
final class AcceptEncoding {

  private AcceptEncoding() {}

  static boolean gzip(List<String> headerValues) {
    double gzip = -1;
    double identity = -1;
    double star = -1;
    for (String value : headerValues) {
      for (String item : value.split(",")) {
        String[] parts = item.split(";");
        if (parts.length == 0) {
          continue; // ";" alone: split drops every empty part
        }
        String coding = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (coding.isEmpty()) {
          continue;
        }
        double q = quality(parts);
        switch (coding) {
          case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
          case "identity" -> identity = q;
          case "*" -> star = q;
          default -> {}
        }
      }
    }
    if (gzip < 0) {
      gzip = Math.max(star, 0);
    }
    if (identity < 0) {
      // Unnamed identity stays acceptable but has no preference over a named coding.
      identity = Math.max(star, 0);
    }
    return gzip > 0 && gzip >= identity;
  }

  /**
   * The item's q parameter; 1 when absent, 0 when unreadable (a client that garbles q gets
   * identity).
   */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.length() > 1
          && (p.charAt(0) == 'q' || p.charAt(0) == 'Q')
          && p.substring(1).strip().startsWith("=")) {
        try {
          double q = Double.parseDouble(p.substring(p.indexOf('=') + 1).strip());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
