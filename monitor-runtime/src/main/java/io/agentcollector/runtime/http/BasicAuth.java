package io.agentcollector.runtime.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * exporter-toolkit's basic auth: bcrypt hashes per user; an unknown user is checked against a fixed
 * hash so timing does not tell which users exist; results are cached per (user, hash, password)
 * because one bcrypt check costs 50-100 ms, and only one runs at a time so a flood of wrong
 * passwords takes one core, not all of them.
 */
final class BasicAuth {

  /** bcrypt of "fakepassword" at cost 10, the same decoy exporter-toolkit uses. */
  private static final String DECOY =
      "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private static final long TTL_NANOS = 60_000_000_000L;
  private static final int MAX_CACHED = 256;

  private final Map<String, Cached> cache = new LinkedHashMap<>();
  private final Object bcryptLock = new Object();

  private record Cached(boolean ok, long at) {}

  /**
   * Whether {@code authorization} (the header, may be null) names one of {@code users} with its
   * password.
   */
  boolean allowed(Map<String, String> users, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String hash = users.get(user);
    boolean known = hash != null;
    String checked = known ? hash : DECOY;
    String key = key(user, checked, password);
    long now = System.nanoTime();
    synchronized (cache) {
      Cached c = cache.get(key);
      if (c != null && now - c.at < TTL_NANOS) {
        return c.ok && known;
      }
    }
    boolean ok;
    synchronized (bcryptLock) {
      ok = verify(password, checked) && known;
    }
    synchronized (cache) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, new Cached(ok, now));
    }
    return ok;
  }

  private static boolean verify(String password, String hash) {
    try {
      return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    } catch (IllegalArgumentException e) {
      return false; // e.g. a password longer than bcrypt's 72 bytes
    }
  }

  /** A digest, so the cache holds no password in the clear. */
  private static String key(String user, String hash, String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String s : new String[] {user, hash, password}) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
