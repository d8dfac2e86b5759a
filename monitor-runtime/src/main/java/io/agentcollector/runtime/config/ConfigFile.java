package io.agentcollector.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks a config file (the main one or an included one) before typesafe config parses it: typesafe
 * reads a directory as an I/O error with a stack of causes, replaces invalid UTF-8 silently and
 * recurses once per nesting level, so these are rejected here with a message naming the file.
 */
final class ConfigFile {

  /** Far above any real config (the shipped one is 5 KiB); bounds parse time and memory. */
  static final int MAX_BYTES = 1 << 20;

  /** Objects and lists nested deeper than this are rejected (real configs nest 4 levels). */
  static final int MAX_DEPTH = 32;

  private ConfigFile() {}

  /** Throws a {@link ConfigError} naming {@code what} (e.g. "config file /etc/m.conf"). */
  static void check(Path file, String what) {
    if (!Files.exists(file)) {
      throw new ConfigError(what + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigError(what + " is not a regular file");
    }
    byte[] bytes = read(file, what);
    String text = decode(bytes, what);
    checkNesting(text, what);
  }

  private static byte[] read(Path file, String what) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ConfigError(what + " is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new ConfigError(what + " does not exist");
    } catch (AccessDeniedException e) {
      throw new ConfigError(what + " is not readable (permission denied)");
    } catch (IOException e) {
      throw new ConfigError(what + " cannot be read: " + e.getMessage());
    }
  }

  /** Strict UTF-8: the offset of the first invalid byte, instead of a silent U+FFFD. */
  static String decode(byte[] bytes, String what) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isUnderflow()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      throw new ConfigError(
          what
              + " is not valid UTF-8 at byte offset "
              + in.position()
              + " (line "
              + line(bytes, in.position())
              + ")");
    }
    // No overflow: UTF-8 never decodes to more chars than it has bytes.
    return out.flip().toString();
  }

  private static int line(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Rejects brackets nested deeper than {@link #MAX_DEPTH} before typesafe's recursive parser sees
   * them (5000 levels overflow the launcher's 256 KiB stack). Brackets inside strings and comments
   * do not count.
   */
  static void checkNesting(String text, String what) {
    int depth = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\n' -> line++;
        case '"' -> {
          boolean triple = text.startsWith("\"\"\"", i);
          int end = triple ? text.indexOf("\"\"\"", i + 3) : closingQuote(text, i);
          if (end < 0) {
            return; // unterminated: typesafe's parser reports it with the line
          }
          line += (int) text.substring(i, end).chars().filter(c -> c == '\n').count();
          i = triple ? end + 2 : end;
        }
        case '#' -> i = endOfLine(text, i);
        case '/' -> {
          if (text.startsWith("//", i)) {
            i = endOfLine(text, i);
          }
        }
        case '{', '[' -> {
          if (++depth > MAX_DEPTH) {
            throw new ConfigError(
                what
                    + ": "
                    + line
                    + ": objects and lists nested deeper than "
                    + MAX_DEPTH
                    + " levels");
          }
        }
        case '}', ']' -> depth = Math.max(0, depth - 1);
        default -> {}
      }
    }
  }

  private static int closingQuote(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == '"' || ch == '\n') {
        return ch == '"' ? i : -1;
      }
    }
    return -1;
  }

  /** The index of the newline ending the line at {@code i} (the loop then counts it). */
  private static int endOfLine(String text, int i) {
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl - 1;
  }
}
