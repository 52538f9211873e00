package io.yamano.netconf.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.yamano.netconf.framing.FrameReader;
import io.yamano.netconf.framing.Framing;
import io.yamano.netconf.framing.FramingException;
import io.yamano.netconf.message.Hello;
import io.yamano.netconf.message.MessageException;
import io.yamano.netconf.message.RpcRequest;
import io.yamano.netconf.message.XmlLimits;
import io.yamano.netconf.message.XmlMessageReader;

/**
 * Coverage-guided fuzzing (Jazzer) of what reads untrusted bytes: the framing decoders (RFC 6242)
 * and the hardened XML message reader with the rpc and hello parsers. The only accepted outcomes
 * are a decoded message or the codec's own checked exception; anything else (a runtime exception,
 * an error, a message over the limit) is a finding.
 *
 * <p>The normal build runs the seed inputs in {@code src/test/resources/.../DecoderFuzzTestInputs}
 * (regression mode, a second or so). To fuzz for real, see the README ("Security model").
 */
class DecoderFuzzTest {
  private static final int LIMIT = 64 * 1024;
  private static final XmlMessageReader READER =
      new XmlMessageReader(new XmlLimits(64, 16, 10_000));

  /** Both framings, the input cut into pieces at fuzzer-chosen places. */
  @FuzzTest(maxDuration = "5m")
  void framing(FuzzedDataProvider data) throws Exception {
    var framing = data.consumeBoolean() ? Framing.CHUNKED : Framing.END_OF_MESSAGE;
    var reader = new FrameReader(framing, LIMIT);
    int pieces = data.consumeInt(1, 8);
    try {
      for (int i = 0; i < pieces && data.remainingBytes() > 0; i++) {
        byte[] piece =
            i == pieces - 1
                ? data.consumeRemainingAsBytes()
                : data.consumeBytes(data.consumeInt(0, 256));
        reader.feed(
            piece,
            0,
            piece.length,
            message -> {
              if (message.length > LIMIT) {
                throw new AssertionError("message over the limit: " + message.length);
              }
            });
      }
    } catch (FramingException expected) {
      // refused input is fine
    }
  }

  /** The XML reader and the envelope parsers on arbitrary bytes. */
  @FuzzTest(maxDuration = "5m")
  void xmlMessages(byte[] input) {
    try {
      var root = READER.read(input);
      if (root.localName().equals("hello")) {
        Hello.parse(root);
      } else {
        RpcRequest.parse(root);
      }
    } catch (MessageException expected) {
      // malformed-message or a bad envelope is the right answer
    }
  }

  /** Framing and XML together, as the server reads a session. */
  @FuzzTest(maxDuration = "5m")
  void session(byte[] input) throws Exception {
    var reader = new FrameReader(Framing.CHUNKED, LIMIT);
    try {
      reader.feed(
          input,
          0,
          input.length,
          message -> {
            try {
              RpcRequest.parse(READER.read(message));
            } catch (MessageException expected) {
              // answered with an rpc-error
            }
          });
    } catch (FramingException expected) {
      // the session is closed
    }
  }
}
