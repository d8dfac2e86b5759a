package io.agentcollector.plugin.system;

/**
 * What adjtimex(2) returns: the clock state and the raw fields of {@code struct timex}
 * node_exporter uses (https://man7.org/linux/man-pages/man2/adjtimex.2.html). Units are the
 * kernel's: offset and jitter in µs, or ns when {@code status} has STA_NANO; maxerror, esterror and
 * tick in µs; freq, ppsfreq and stabil in ppm with a 16-bit fraction ("scaled ppm").
 *
 * @param state the return value: TIME_OK (0) ... TIME_ERROR (5)
 */
record KernelTimex(
    int state,
    long offset,
    long freq,
    long maxerror,
    long esterror,
    int status,
    long constant,
    long tick,
    long ppsfreq,
    long jitter,
    int shift,
    long stabil,
    long jitcnt,
    long calcnt,
    long errcnt,
    long stbcnt,
    int tai) {

  /** Clock not synchronised. */
  static final int TIME_ERROR = 5;

  /** status bit: offset and jitter are in ns instead of µs. */
  static final int STA_NANO = 0x2000;
}
