package io.agentcollector.plugin.system;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The few libc calls Java lacks, through JNA (supplied by the runtime). Every method degrades to
 * "absent" when JNA or libc cannot be loaded, so a collector that needs them reports nothing
 * instead of failing the plugin.
 */
final class Libc {

  /** errno EPERM: adjtimex(2) is refused, e.g. by a container's seccomp profile. */
  static final int EPERM = 1;

  private static final int UTSNAME_FIELD = 65; // _UTSNAME_LENGTH on Linux
  private static final Optional<C> LIBC = load();

  private Libc() {}

  /** Whether libc could be loaded through JNA. */
  static boolean available() {
    return LIBC.isPresent();
  }

  /** getpagesize(3), as Go's os.Getpagesize(); empty without JNA. */
  static OptionalInt pageSize() {
    return LIBC.map(c -> OptionalInt.of(c.getpagesize())).orElse(OptionalInt.empty());
  }

  /** The {@code machine} field of uname(2) (e.g. {@code x86_64}); empty without JNA. */
  static Optional<String> unameMachine() {
    if (LIBC.isEmpty()) {
      return Optional.empty();
    }
    byte[] buf = new byte[6 * UTSNAME_FIELD];
    try {
      LIBC.get().uname(buf);
    } catch (LastErrorException e) {
      return Optional.empty();
    }
    int start = 4 * UTSNAME_FIELD; // sysname nodename release version machine domainname
    int end = start;
    while (end < start + UTSNAME_FIELD && buf[end] != 0) {
      end++;
    }
    return Optional.of(new String(buf, start, end - start, StandardCharsets.UTF_8));
  }

  /**
   * adjtimex(2) in read-only mode (modes = 0).
   *
   * @throws LastErrorException with the errno when the kernel refuses
   * @throws IllegalStateException without JNA
   */
  static KernelTimex adjtimex() {
    C c = LIBC.orElseThrow(() -> new IllegalStateException("libc is not available through JNA"));
    TimexStruct t = new TimexStruct();
    int state = c.adjtimex(t);
    return new KernelTimex(
        state,
        t.offset,
        t.freq,
        t.maxerror,
        t.esterror,
        t.status,
        t.constant,
        t.tick,
        t.ppsfreq,
        t.jitter,
        t.shift,
        t.stabil,
        t.jitcnt,
        t.calcnt,
        t.errcnt,
        t.stbcnt,
        t.tai);
  }

  private static Optional<C> load() {
    try {
      return Optional.of(Native.load("c", C.class));
    } catch (LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The libc functions used. */
  interface C extends Library {
    int adjtimex(TimexStruct buf) throws LastErrorException;

    int uname(byte[] buf) throws LastErrorException;

    int getpagesize();
  }

  /**
   * {@code struct timex} of {@code <sys/timex.h>} on 64-bit Linux (x86_64, aarch64: C {@code long}
   * is 64 bits), 208 bytes. Zeroed, so {@code modes = 0} makes the call read-only.
   */
  @Structure.FieldOrder({
    "modes",
    "offset",
    "freq",
    "maxerror",
    "esterror",
    "status",
    "constant",
    "precision",
    "tolerance",
    "timeSec",
    "timeUsec",
    "tick",
    "ppsfreq",
    "jitter",
    "shift",
    "stabil",
    "jitcnt",
    "calcnt",
    "errcnt",
    "stbcnt",
    "tai",
    "reserved"
  })
  public static final class TimexStruct extends Structure {
    public int modes;
    public long offset;
    public long freq;
    public long maxerror;
    public long esterror;
    public int status;
    public long constant;
    public long precision;
    public long tolerance;
    public long timeSec;
    public long timeUsec;
    public long tick;
    public long ppsfreq;
    public long jitter;
    public int shift;
    public long stabil;
    public long jitcnt;
    public long calcnt;
    public long errcnt;
    public long stbcnt;
    public int tai;
    public int[] reserved = new int[11];
  }
}
