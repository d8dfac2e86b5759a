package io.agentcollector.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real {@code bin/monitor} of an unpacked distribution, run as a child process on loopback. */
public final class AgentProcess implements AutoCloseable {

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;

  private AgentProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Runs {@code bin/monitor args…} to completion; stdout and stderr together. */
  public static Result run(Path home, Map<String, String> env, String... args) {
    try {
      Path out = Files.createTempFile("monitor-out", ".log");
      Process p = builder(home, env, args).redirectOutput(out.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            "bin/monitor " + String.join(" ", args) + " did not finish in 60 s");
      }
      return new Result(p.exitValue(), Files.readString(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Starts the agent serving on 127.0.0.1:{@code port}; does not wait. */
  public static AgentProcess start(Path home, int port, Map<String, String> env, String... args) {
    try {
      Path out = Files.createTempFile("monitor-run", ".log");
      Map<String, String> withPort = new java.util.HashMap<>(env);
      withPort.putIfAbsent("MONITOR_LISTEN_ADDRESS", "127.0.0.1:" + port);
      Process p = builder(home, withPort, args).redirectOutput(out.toFile()).start();
      return new AgentProcess(p, out, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessBuilder builder(Path home, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/monitor").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
    b.environment()
        .keySet()
        .removeIf(k -> k.startsWith("MONITOR_") || k.startsWith("CONFIG_FORCE_"));
    b.environment().putAll(env);
    return b;
  }

  /**
   * Waits until {@code /-/ready} answers 200; fails with the log if the agent exits or times out.
   */
  public AgentProcess awaitReady(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("agent exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return this;
        }
      } catch (UncheckedIOException e) {
        // Not listening yet.
      }
      sleep(50);
    }
    throw new AssertionError("agent not ready after " + max + ":\n" + log());
  }

  public HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The text exposition of {@code /metrics}. */
  public String metrics() {
    HttpResponse<String> r = get("/metrics");
    if (r.statusCode() != 200) {
      throw new AssertionError("/metrics answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /**
   * Polls {@code /metrics} until {@code ok} holds for its text (returned), or fails after {@code
   * max}.
   */
  public String awaitMetrics(Duration max, java.util.function.Predicate<String> ok) {
    long deadline = System.nanoTime() + max.toNanos();
    String m = "";
    while (System.nanoTime() < deadline) {
      m = metrics();
      if (ok.test(m)) {
        return m;
      }
      sleep(200);
    }
    throw new AssertionError(
        "condition not met in " + max.toSeconds() + " s:\n" + m + "\nlog:\n" + log());
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Waits for the agent to exit on its own; returns the exit code. */
  public int awaitExit(Duration max) {
    try {
      if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("agent still running after " + max + ":\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  /** SIGTERM, then waits; returns the exit code. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("agent did not stop within 15 s of SIGTERM:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Exit code and output of a finished command. */
  public record Result(int exitCode, String output) {}
}
