package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.runtime.http.webconfig.WebConfig.RateLimit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

  /** htpasswd -nbBC 10 prometheus secret */
  private static final Map<String, String> USERS =
      Map.of("prometheus", "$2y$10$twD10PzZj4mtiZO.Fj3qyOI70oVy24buHwi49KP/LRGMu43zsAiNC");

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsTheUsersPasswordOnlyAndAgainFromTheCache() {
    BasicAuth auth = new BasicAuth();
    assertThat(auth.allowed(USERS, basic("prometheus:secret"))).isTrue();
    assertThat(auth.allowed(USERS, basic("prometheus:secret"))).as("cached").isTrue();
    assertThat(auth.allowed(USERS, "basic " + basic("prometheus:secret").substring(6)))
        .as("scheme case")
        .isTrue();
    assertThat(auth.allowed(USERS, basic("prometheus:Secret"))).isFalse();
    assertThat(auth.allowed(USERS, basic("other:secret"))).isFalse();
    assertThat(auth.allowed(USERS, basic("prometheus:" + "x".repeat(100))))
        .as("over bcrypt's 72 bytes")
        .isFalse();
  }

  @Test
  void refusesMalformedHeaders() {
    BasicAuth auth = new BasicAuth();
    assertThat(auth.allowed(USERS, null)).isFalse();
    assertThat(auth.allowed(USERS, "Bearer abc")).isFalse();
    assertThat(auth.allowed(USERS, "Basic %%%")).isFalse();
    assertThat(auth.allowed(USERS, basic("prometheus"))).as("no colon").isFalse();
  }

  @Test
  void rateLimitIsATokenBucketOfBurst() {
    RateLimiter limiter = new RateLimiter();
    RateLimit oneAnHour = new RateLimit(2, Duration.ofHours(1));
    assertThat(limiter.allow(oneAnHour)).isTrue();
    assertThat(limiter.allow(oneAnHour)).isTrue();
    assertThat(limiter.allow(oneAnHour)).as("burst used up").isFalse();
    assertThat(limiter.allow(new RateLimit(0, Duration.ofSeconds(1))))
        .as("burst 0 allows nothing, as Go's")
        .isFalse();
  }
}
