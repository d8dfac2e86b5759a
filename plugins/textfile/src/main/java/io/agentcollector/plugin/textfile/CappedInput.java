package io.agentcollector.plugin.textfile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails as soon as more than {@code cap} bytes were read: a file that grows past it is never read
 * whole.
 */
final class CappedInput extends FilterInputStream {

  /** The file is larger than the cap. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final long cap;
  private final String file;
  private long read;

  CappedInput(InputStream in, long cap, String file) {
    super(in);
    this.cap = cap;
    this.file = file;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, (int) Math.min(len, cap + 1 - read));
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws TooLarge {
    read += n;
    if (read > cap) {
      throw tooLarge(file, cap);
    }
  }

  static TooLarge tooLarge(String file, long cap) {
    return new TooLarge(file + ": larger than max-file-size (" + cap + " bytes), not read");
  }
}
