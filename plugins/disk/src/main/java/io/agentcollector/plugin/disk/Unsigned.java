package io.agentcollector.plugin.disk;

/**
 * Counters the kernel prints as u64, parsed into Java's signed long by {@code
 * Long.parseUnsignedLong}: values at or above 2^63 read as negative and are turned back here.
 */
final class Unsigned {

  private Unsigned() {}

  /** {@code v} read as unsigned, as the nearest double (Go's {@code float64(uint64)}). */
  static double toDouble(long v) {
    if (v >= 0) {
      return v;
    }
    // Halve (keeping the low bit so rounding stays right), convert, double.
    return ((v >>> 1) | (v & 1)) * 2.0;
  }
}
