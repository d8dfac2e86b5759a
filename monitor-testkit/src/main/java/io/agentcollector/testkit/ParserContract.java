package io.agentcollector.testkit;

/**
 * What every fuzz target checks: a parser returns a value, or rejects the input with the exception
 * the collector catches and reports, whose message names the file. Anything else
 * (NullPointerException, IndexOutOfBounds, a bare NumberFormatException that names no file,
 * StackOverflowError) escapes as a finding.
 */
public final class ParserContract {

  private ParserContract() {}

  /** The parse step of a fuzz target; may throw anything. */
  @FunctionalInterface
  public interface Parse {
    void run() throws Exception;
  }

  /**
   * Runs {@code parse}; passes if it returns or throws {@code IllegalArgumentException} whose
   * message starts with {@code file}.
   */
  public static void returnsOrRejects(String file, Parse parse) throws Exception {
    try {
      parse.run();
    } catch (NumberFormatException e) {
      // An IllegalArgumentException too, but Long.parseLong's: it names neither file nor line.
      throw new AssertionError("unwrapped NumberFormatException: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      if (message == null || !message.startsWith(file)) {
        throw new AssertionError("rejection does not name " + file + ": " + message, e);
      }
    }
  }
}
