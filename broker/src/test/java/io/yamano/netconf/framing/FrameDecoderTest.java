package io.yamano.netconf.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.framing.FramingException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private static final long LIMIT = 1 << 20;

  /** Feeds {@code stream} one byte per read. */
  private static List<String> byteByByte(Framing framing, String stream) throws Exception {
    var reader = new FrameReader(framing, LIMIT);
    var out = new ArrayList<String>();
    byte[] bytes = stream.getBytes(UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      reader.feed(bytes, i, 1, m -> out.add(new String(m, UTF_8)));
    }
    return out;
  }

  /** Feeds {@code stream} in random slices (fixed seed). */
  private static List<String> randomSplits(Framing framing, String stream, long seed)
      throws Exception {
    var reader = new FrameReader(framing, LIMIT);
    var out = new ArrayList<String>();
    byte[] bytes = stream.getBytes(UTF_8);
    var random = new Random(seed);
    for (int i = 0; i < bytes.length; ) {
      int n = Math.min(bytes.length - i, 1 + random.nextInt(9));
      reader.feed(bytes, i, n, m -> out.add(new String(m, UTF_8)));
      i += n;
    }
    return out;
  }

  private static List<String> whole(Framing framing, String stream) throws Exception {
    var reader = new FrameReader(framing, LIMIT);
    var out = new ArrayList<String>();
    byte[] bytes = stream.getBytes(UTF_8);
    reader.feed(bytes, 0, bytes.length, m -> out.add(new String(m, UTF_8)));
    return out;
  }

  @Test
  void endOfMessageByteByByteAndRandomSplits() throws Exception {
    String stream = "<a/>]]>]]><b>]]</b>]]>]]><c>]]]>]]]]></c>]]>]]>";
    var expected = List.of("<a/>", "<b>]]</b>", "<c>]]]>]]]]></c>");
    assertEquals(expected, whole(Framing.END_OF_MESSAGE, stream));
    assertEquals(expected, byteByByte(Framing.END_OF_MESSAGE, stream));
    for (long seed = 0; seed < 50; seed++) {
      assertEquals(expected, randomSplits(Framing.END_OF_MESSAGE, stream, seed));
    }
  }

  @Test
  void delimiterOverlappingItsOwnPrefixIsFound() throws Exception {
    assertEquals(List.of("a]]>]"), whole(Framing.END_OF_MESSAGE, "a]]>]]]>]]>"));
    assertEquals(List.of("x]"), whole(Framing.END_OF_MESSAGE, "x]]]>]]>"));
  }

  @Test
  void delimiterSplitAcrossReadsAtEveryPosition() throws Exception {
    byte[] bytes = "<rpc/>]]>]]>".getBytes(UTF_8);
    for (int cut = 1; cut < bytes.length; cut++) {
      var reader = new FrameReader(LIMIT);
      var out = new ArrayList<String>();
      reader.feed(bytes, 0, cut, m -> out.add(new String(m, UTF_8)));
      assertEquals(List.of(), out);
      reader.feed(bytes, cut, bytes.length - cut, m -> out.add(new String(m, UTF_8)));
      assertEquals(List.of("<rpc/>"), out, "cut at " + cut);
    }
  }

  @Test
  void endOfMessageSkipsBlankMessages() throws Exception {
    assertEquals(List.of("<a/>"), whole(Framing.END_OF_MESSAGE, "<a/>]]>]]>\n]]>]]>"));
  }

  @Test
  void endOfMessageTooLarge() {
    var decoder = new EndOfMessageDecoder(8);
    var input = java.nio.ByteBuffer.wrap("123456789]]>]]>".getBytes(UTF_8));
    var e = assertThrows(MessageTooLargeException.class, () -> decoder.decode(input));
    assertEquals(Reason.MESSAGE_TOO_LARGE, e.reason());
    assertEquals(8, e.limit());
    // a message of exactly the limit passes, even while its delimiter is being matched
    var exact = new EndOfMessageDecoder(8);
    var ok = java.nio.ByteBuffer.wrap("12345678]]>]]>".getBytes(UTF_8));
    assertDoesNotThrow(() -> exact.decode(ok));
  }

  private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
  }

  @Test
  void chunkedByteByByteAndRandomSplits() throws Exception {
    String stream = "\n#4\n<rpc\n#17\n message-id=\"1\"/>\n##\n\n#3\n<a/\n#1\n>\n##\n\n#1\n#\n##\n";
    var expected = List.of("<rpc message-id=\"1\"/>", "<a/>", "#");
    assertEquals(expected, whole(Framing.CHUNKED, stream));
    assertEquals(expected, byteByByte(Framing.CHUNKED, stream));
    for (long seed = 0; seed < 50; seed++) {
      assertEquals(expected, randomSplits(Framing.CHUNKED, stream, seed));
    }
  }

  @Test
  void chunkDataMayContainChunkMarkers() throws Exception {
    assertEquals(List.of("\n##\n"), whole(Framing.CHUNKED, "\n#4\n\n##\n\n##\n"));
  }

  private static FramingException chunkedError(String stream) {
    return assertThrows(FramingException.class, () -> byteByByte(Framing.CHUNKED, stream));
  }

  @Test
  void chunkSizeZeroIsRefused() {
    assertEquals(Reason.CHUNK_SIZE_ZERO, chunkedError("\n#0\n").reason());
  }

  @Test
  void chunkSizeWithLeadingZeroIsRefused() {
    assertEquals(Reason.LEADING_ZERO, chunkedError("\n#01\nx\n##\n").reason());
  }

  @Test
  void chunkSizeAboveMaximumIsRefused() {
    assertEquals(Reason.CHUNK_SIZE_OUT_OF_RANGE, chunkedError("\n#4294967296\n").reason());
    assertEquals(Reason.CHUNK_SIZE_OUT_OF_RANGE, chunkedError("\n#99999999999\n").reason());
  }

  @Test
  void largestChunkSizeIsGrammaticalButTooLarge() {
    var e = chunkedError("\n#4294967295\n");
    assertInstanceOf(MessageTooLargeException.class, e);
  }

  @Test
  void badChunkHeadersAreRefused() {
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("#4\nabcd\n##\n").reason());
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n4\nabcd\n##\n").reason());
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#x\n").reason());
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#4 \nabcd").reason());
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#4\r\nabcd").reason());
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#+4\nabcd").reason());
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#2\nab\n##x").reason());
    // a chunk longer than announced: the extra byte is not a header
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#2\nabc\n##\n").reason());
    // nothing (not even white space) between messages
    assertEquals(Reason.BAD_CHUNK_HEADER, chunkedError("\n#1\na\n##\n \n#1\nb\n##\n").reason());
  }

  @Test
  void endOfChunksWithoutChunkIsRefused() {
    assertEquals(Reason.EMPTY_MESSAGE, chunkedError("\n##\n").reason());
  }

  @Test
  void errorSaysWhereAndWhat() {
    var e = chunkedError("\n#1\na\n##\n\n#x");
    assertEquals(11, e.offset());
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void chunkedTooLargeAcrossChunks() {
    var decoder = new ChunkedDecoder(5);
    var input = java.nio.ByteBuffer.wrap("\n#3\nabc\n#3\ndef\n##\n".getBytes(UTF_8));
    assertThrows(MessageTooLargeException.class, () -> decoder.decode(input));
  }

  @Test
  void switchToChunkedRightAfterHelloEvenInTheSameRead() throws Exception {
    byte[] stream = "<hello/>]]>]]>\n#6\n<rpc/>\n##\n".getBytes(UTF_8);
    for (int cut = 0; cut <= stream.length; cut++) {
      var reader = new FrameReader(LIMIT);
      var out = new ArrayList<String>();
      FrameReader.MessageSink sink =
          m -> {
            out.add(new String(m, UTF_8));
            if (out.size() == 1) {
              reader.switchTo(Framing.CHUNKED);
            }
          };
      reader.feed(stream, 0, cut, sink);
      reader.feed(stream, cut, stream.length - cut, sink);
      assertEquals(List.of("<hello/>", "<rpc/>"), out, "cut at " + cut);
      assertEquals(Framing.CHUNKED, reader.framing());
    }
  }

  @Test
  void switchInTheMiddleOfAMessageIsRefused() throws Exception {
    var reader = new FrameReader(LIMIT);
    byte[] partial = "<hel".getBytes(UTF_8);
    reader.feed(partial, 0, partial.length, m -> {});
    assertThrows(IllegalStateException.class, () -> reader.switchTo(Framing.CHUNKED));
  }

  @Test
  void encodersRoundTripThroughDecoders() throws Exception {
    var random = new Random(42);
    for (int round = 0; round < 20; round++) {
      byte[] message = new byte[1 + random.nextInt(300)];
      for (int i = 0; i < message.length; i++) {
        message[i] = (byte) ('a' + random.nextInt(26));
      }
      for (FrameEncoder encoder :
          List.of(EndOfMessageEncoder.INSTANCE, new ChunkedEncoder(7), ChunkedEncoder.DEFAULT)) {
        var framed = new ByteArrayOutputStream();
        encoder.encode(message, framed);
        encoder.encode(message, framed);
        var reader = new FrameReader(encoder.framing(), LIMIT);
        var out = new ArrayList<byte[]>();
        byte[] bytes = framed.toByteArray();
        for (int i = 0; i < bytes.length; ) {
          int n = Math.min(bytes.length - i, 1 + random.nextInt(13));
          reader.feed(bytes, i, n, out::add);
          i += n;
        }
        assertEquals(2, out.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(message, out.get(0));
        org.junit.jupiter.api.Assertions.assertArrayEquals(message, out.get(1));
      }
    }
  }

  @Test
  void chunkedEncoderWritesTheGrammar() {
    assertEquals(
        "\n#3\nabc\n#2\nde\n##\n",
        new String(new ChunkedEncoder(3).encode("abcde".getBytes(UTF_8)), UTF_8));
  }

  @Test
  void encodersRefuseWhatCannotBeFramed() {
    assertThrows(IllegalArgumentException.class, () -> ChunkedEncoder.DEFAULT.encode(new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> EndOfMessageEncoder.INSTANCE.encode("a]]>]]>b".getBytes(UTF_8)));
  }
}
