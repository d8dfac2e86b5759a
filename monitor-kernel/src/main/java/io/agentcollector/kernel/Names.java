package io.agentcollector.kernel;

/**
 * Shared String instances for the names a kernel file repeats every cycle ({@code pgfault} of
 * /proc/vmstat, {@code InSegs} of /proc/net/snmp, a device name): the name of a region of the
 * file's text without a substring once it has been seen, and always the same instance, whose hash
 * code is computed once, so a collector's map keyed by it costs an identity comparison.
 *
 * <p>Bounded: an open-addressed table of a fixed size where a name that finds no free slot near its
 * own replaces the one there, so names that come and go (container devices, garbage) take no more
 * room than the table. Lock-free: a lost update between threads only costs a later substring, and a
 * String is safely shared through a data race (its fields are final).
 */
public final class Names {

  /** Slots a name may be placed away from its own before it replaces the one there. */
  private static final int PROBES = 8;

  private final String[] table;
  private final int mask;

  /**
   * @param names how many names the table is meant for; it has four times as many slots
   */
  public Names(int names) {
    int slots = Integer.highestOneBit(Math.max(16, names * 4 - 1)) << 1;
    table = new String[slots];
    mask = slots - 1;
  }

  /** {@code s[from, to)} as a String, the same instance as for the same name before. */
  public String of(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    String[] t = table;
    int home = (h ^ h >>> 16) & mask;
    int len = to - from;
    for (int p = 0; p < PROBES; p++) {
      int slot = home + p & mask;
      String known = t[slot];
      if (known == null) {
        return t[slot] = s.substring(from, to);
      }
      if (known.hashCode() == h && known.length() == len && known.regionMatches(0, s, from, len)) {
        return known;
      }
    }
    return t[home] = s.substring(from, to);
  }

  /** {@link #of(String, int, int)} of a whole String, e.g. a name built from parts. */
  public String of(String s) {
    return of(s, 0, s.length());
  }
}
