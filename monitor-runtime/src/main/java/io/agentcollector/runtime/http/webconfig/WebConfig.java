package io.agentcollector.runtime.http.webconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * node_exporter's {@code --web.config.file} (exporter-toolkit's format): TLS, response headers, a
 * request rate limit and basic auth users. Unknown keys are errors, as in exporter-toolkit.
 *
 * @param tls null: plain HTTP
 * @param files the file itself and every file it names, watched for changes
 */
public record WebConfig(
    TlsSettings tls,
    Map<String, String> headers,
    Map<String, String> users,
    RateLimit rateLimit,
    List<Path> files) {

  /** No file: plain HTTP, no auth, no extra headers. */
  public static final WebConfig NONE = new WebConfig(null, Map.of(), Map.of(), null, List.of());

  /** The headers exporter-toolkit lets a user set, and the values allowed where it checks them. */
  private static final Map<String, List<String>> HEADERS =
      Map.of(
          "Strict-Transport-Security", List.of(),
          "X-Content-Type-Options", List.of("nosniff"),
          "X-Frame-Options", List.of("deny", "sameorigin"),
          "X-XSS-Protection", List.of(),
          "Content-Security-Policy", List.of());

  private static final Pattern BCRYPT =
      Pattern.compile("\\$2[abxy]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  /** At most {@code burst} requests at once, refilled one per {@code interval}; else 429. */
  public record RateLimit(int burst, Duration interval) {}

  /** Reads and checks {@code file}; the message of a failure starts with the file's path. */
  public static WebConfig load(Path file) throws WebConfigException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new WebConfigException(file + ": cannot read: no such file");
    } catch (IOException e) {
      throw new WebConfigException(file + ": cannot read: " + e.getMessage());
    } catch (WebConfigException e) {
      throw new WebConfigException(file + ": " + e.getMessage());
    }
  }

  static WebConfig parse(String yaml, Path file) throws WebConfigException {
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new WebConfigException("not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
    YamlSection root = YamlSection.root(doc);
    Path dir = file.toAbsolutePath().getParent();
    TlsSettings tls = TlsSettings.from(root.section("tls_server_config"), dir);
    YamlSection http = root.section("http_server_config");
    http.bool(
        "http2",
        true); // accepted; Jetty core here serves HTTP/1.1 (exporter-toolkit default: h2 over TLS)
    Map<String, String> headers = headers(http);
    http.finish();
    RateLimit rate = rateLimit(root.section("rate_limit"));
    Map<String, String> users = users(root);
    root.finish();
    List<Path> files = new ArrayList<>();
    files.add(file);
    if (tls != null) {
      files.addAll(tls.files());
    }
    return new WebConfig(tls, headers, users, rate, List.copyOf(files));
  }

  private static Map<String, String> headers(YamlSection http) throws WebConfigException {
    Map<String, String> headers = http.stringMap("headers");
    for (Map.Entry<String, String> e : headers.entrySet()) {
      List<String> allowed = HEADERS.get(e.getKey());
      String key = http.key("headers") + "." + e.getKey();
      if (allowed == null) {
        throw new WebConfigException(
            key
                + ": HTTP header \""
                + e.getKey()
                + "\" can not be configured"
                + " (only "
                + String.join(", ", new java.util.TreeSet<>(HEADERS.keySet()))
                + ")");
      }
      if (!allowed.isEmpty() && !allowed.contains(e.getValue())) {
        throw new WebConfigException(
            key + ": invalid value \"" + e.getValue() + "\", expected one of " + allowed);
      }
    }
    return Map.copyOf(headers);
  }

  private static RateLimit rateLimit(YamlSection s) throws WebConfigException {
    String burst = s.string("burst");
    String interval = s.string("interval");
    s.finish();
    if (interval.isEmpty() || interval.equals("0") || interval.equals("0s")) {
      return null;
    }
    Matcher m = DURATION.matcher(interval);
    if (!m.matches()) {
      throw new WebConfigException(
          s.key("interval")
              + ": expected a duration like 100ms, 1s or 1m, got \""
              + interval
              + "\"");
    }
    Duration d;
    try {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
    } catch (NumberFormatException | ArithmeticException e) {
      // Found by WebConfigFuzzTest: digits beyond a long escaped as a bare NumberFormatException.
      throw new WebConfigException(s.key("interval") + ": duration too long: \"" + interval + "\"");
    }
    int b;
    try {
      b = burst.isEmpty() ? 0 : Integer.parseInt(burst);
    } catch (NumberFormatException e) {
      throw new WebConfigException(
          s.key("burst") + ": expected a whole number, got \"" + burst + "\"");
    }
    return new RateLimit(b, d);
  }

  private static Map<String, String> users(YamlSection root) throws WebConfigException {
    Map<String, String> users = root.stringMap("basic_auth_users");
    for (Map.Entry<String, String> e : users.entrySet()) {
      Matcher m = BCRYPT.matcher(e.getValue());
      int cost = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (cost < 4 || cost > 31) {
        throw new WebConfigException(
            root.key("basic_auth_users")
                + "."
                + e.getKey()
                + ": not a bcrypt hash (make one with: htpasswd -nbBC 10 USER PASSWORD)");
      }
    }
    return Map.copyOf(new LinkedHashMap<>(users));
  }
}
