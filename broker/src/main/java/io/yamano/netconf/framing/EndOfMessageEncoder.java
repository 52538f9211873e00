package io.yamano.netconf.framing;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Appends {@code ]]>]]>} (<a href="https://www.rfc-editor.org/rfc/rfc6242#section-4.3">RFC 6242
 * §4.3</a>). A message containing the delimiter is refused: its receiver would cut it short.
 */
public final class EndOfMessageEncoder implements FrameEncoder {
  /** The only instance. */
  public static final EndOfMessageEncoder INSTANCE = new EndOfMessageEncoder();

  private EndOfMessageEncoder() {}

  @Override
  public void encode(byte[] message, OutputStream out) throws IOException {
    if (containsDelimiter(message)) {
      throw new IllegalArgumentException(
          "message contains ]]>]]> and cannot be sent with end-of-message framing");
    }
    out.write(message);
    out.write(EndOfMessageDecoder.DELIMITER);
  }

  @Override
  public Framing framing() {
    return Framing.END_OF_MESSAGE;
  }

  private static boolean containsDelimiter(byte[] message) {
    byte[] d = EndOfMessageDecoder.DELIMITER;
    outer:
    for (int i = 0; i + d.length <= message.length; i++) {
      for (int j = 0; j < d.length; j++) {
        if (message[i + j] != d[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
