package io.agentcollector.runtime.http;

import io.agentcollector.runtime.http.webconfig.WebConfig.RateLimit;

/** A token bucket like Go's {@code rate.Limiter}: {@code burst} tokens, one more per interval. */
final class RateLimiter {

  private RateLimit limit;
  private double tokens;
  private long last;

  synchronized boolean allow(RateLimit l) {
    long now = System.nanoTime();
    if (!l.equals(limit)) {
      limit = l;
      tokens = l.burst();
      last = now;
    }
    tokens = Math.min(l.burst(), tokens + (now - last) / (double) l.interval().toNanos());
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
