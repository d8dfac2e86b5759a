package io.agentcollector.api.container;

import java.io.IOException;
import java.time.Duration;

/**
 * A container's limits (quota, shares, memory and pids limits) as a stats reader last read them.
 * They almost never change, and a reader would otherwise read half a dozen more files per container
 * per cycle. Read again when the runtime hands a new description of the container (docker and
 * containerd re-inspect on their update events) and at least every {@link #MAX_AGE} (limits changed
 * behind the runtime's back, e.g. by hand).
 */
public final class SpecCache<T> {

  public static final Duration MAX_AGE = Duration.ofSeconds(30);

  /** Reads the limits from the container's cgroup. */
  @FunctionalInterface
  public interface Reader<T> {
    T read() throws IOException;
  }

  private final long maxAgeNanos;
  private ContainerInfo of;
  private long readAt;
  private T value;

  public SpecCache() {
    this(MAX_AGE);
  }

  public SpecCache(Duration maxAge) {
    this.maxAgeNanos = maxAge.toNanos();
  }

  /** The limits for {@code c}: kept, or read anew by {@code reader}. */
  public T get(ContainerInfo c, Reader<T> reader) throws IOException {
    long now = System.nanoTime();
    if (value == null || of != c || now - readAt > maxAgeNanos) {
      value = reader.read();
      of = c;
      readAt = now;
    }
    return value;
  }
}
