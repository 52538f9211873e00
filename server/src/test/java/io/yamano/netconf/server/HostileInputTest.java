package io.yamano.netconf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.client.NetconfClient;
import io.yamano.netconf.transport.RawNetconf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input over SSH against the full server: each attack gets a {@code malformed-message} (or
 * {@code too-big}) rpc-error or a clean close, and a healthy session running in parallel keeps
 * getting answers throughout (RFC 6241 §3, RFC 6242 §4.2, RFC 6241 Appendix A).
 */
class HostileInputTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String RPC_OPEN =
      "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"7\">";
  private static final String GET_CONFIG =
      RPC_OPEN + "<get-config><source><running/></source></get-config></rpc>";

  @TempDir static Path dataDir;
  static TestServer server;

  private NetconfClient healthy;
  private Thread pinger;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  /** A healthy session asking again and again while the attack runs. */
  @BeforeEach
  void startHealthySession() {
    healthy = server.connect();
    pinger =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  var reply = healthy.rpc("<get-config><source><running/></source></get-config>");
                  if (!reply.contains("<data")) {
                    throw new AssertionError("healthy session got: " + reply);
                  }
                  answered.incrementAndGet();
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                  return;
                }
              }
            },
            "healthy-session");
    pinger.start();
  }

  @AfterEach
  void healthySessionKeptWorking() throws Exception {
    int before = answered.get();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (answered.get() < before + 3 && failure.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    stop.set(true);
    pinger.join(WAIT.toMillis());
    healthy.close();
    if (failure.get() != null) {
      throw new AssertionError("the healthy session failed", failure.get());
    }
    assertTrue(answered.get() >= before + 3, "the healthy session stopped getting answers");
  }

  private static RawNetconf attacker() throws Exception {
    return RawNetconf.chunked(server.server.netconfPort(), TestServer.USER, TestServer.PASSWORD);
  }

  private static void assertMalformedAndStillServing(RawNetconf raw) throws Exception {
    assertTrue(raw.await("malformed-message", WAIT), raw.received());
    // the message was bad, the framing was not: the session goes on (RFC 6241 Appendix A)
    raw.send(RawNetconf.frame(GET_CONFIG));
    assertTrue(raw.await("<data", WAIT), "no answer after the bad message: " + raw.received());
  }

  /** Billion laughs: DTDs are refused, nothing is expanded. */
  @Test
  void entityExpansionBomb() throws Exception {
    var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rpc [<!ENTITY a0 \"laugh\">");
    for (int i = 1; i <= 10; i++) {
      bomb.append("<!ENTITY a").append(i).append(" \"");
      bomb.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]>").append(RPC_OPEN).append("<get-config><source><running/></source>");
    bomb.append("<filter>&a10;</filter></get-config></rpc>");
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(bomb.toString()));
      assertMalformedAndStillServing(raw);
    }
  }

  /** XXE: an external entity is never resolved, so no file content can come back. */
  @Test
  void externalEntity() throws Exception {
    var xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE rpc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + RPC_OPEN
            + "<get-config><source><running/></source><filter>&x;</filter></get-config></rpc>";
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(xxe));
      assertMalformedAndStillServing(raw);
      assertFalse(raw.received().contains("root:"), raw.received());
    }
  }

  /**
   * A broken DTD on which the JDK's parser throws an unchecked exception (found by fuzzing): still
   * only a malformed message.
   */
  @Test
  void brokenDtdThatTripsTheParser() throws Exception {
    var bytes =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!\u0000>TITY a \"b\">]>c>&a;</rpc>"
            .getBytes(StandardCharsets.UTF_8);
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(bytes));
      assertMalformedAndStillServing(raw);
    }
  }

  /** 100 000 nested elements: refused by the depth limit, not by a stack overflow. */
  @Test
  void deepNesting() throws Exception {
    var deep =
        RPC_OPEN
            + "<get-config>"
            + "<a>".repeat(100_000)
            + "</a>".repeat(100_000)
            + "</get-config></rpc>";
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(deep));
      assertMalformedAndStillServing(raw);
    }
  }

  /** Thousands of attributes on one element: refused by the attribute limit. */
  @Test
  void manyAttributes() throws Exception {
    var attrs = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      attrs.append(" a").append(i).append("=\"v\"");
    }
    var xml =
        "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"8\""
            + attrs
            + "><get-config><source><running/></source></get-config></rpc>";
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(xml));
      assertMalformedAndStillServing(raw);
    }
  }

  /** One 8 MB attribute value: read within the message size limit and answered. */
  @Test
  void hugeAttribute() throws Exception {
    var xml =
        "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"9\" note=\""
            + "x".repeat(8 << 20)
            + "\"><get-config><source><running/></source></get-config></rpc>";
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(xml));
      assertTrue(raw.await("rpc-reply", WAIT), "no reply");
      assertTrue(raw.isOpen());
    }
  }

  /** Bytes that are not UTF-8 (RFC 6241 §3: messages are UTF-8). */
  @Test
  void invalidUtf8() throws Exception {
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        (RPC_OPEN + "<get-config><source><running/></source><filter>")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80});
    out.writeBytes("</filter></get-config></rpc>".getBytes(StandardCharsets.UTF_8));
    try (var raw = attacker()) {
      raw.send(RawNetconf.frame(out.toByteArray()));
      assertMalformedAndStillServing(raw);
    }
  }

  /** RFC 6242 §4.2: a chunk larger than the message limit is too-big, then the session closes. */
  @Test
  void oversizedChunk() throws Exception {
    try (var raw = attacker()) {
      raw.send("\n#4294967295\n<rpc");
      assertTrue(raw.awaitClosed(WAIT), "still open");
      assertTrue(
          raw.received().contains("too-big") || raw.received().contains("malformed-message"),
          raw.received());
    }
  }

  /** RFC 6242 §4.2: chunk sizes that are zero, not digits, with a leading zero or too long. */
  @Test
  void badChunkSizes() throws Exception {
    for (var header :
        new String[] {"\n#0\n", "\n#abc\n", "\n#01\n", "\n#-5\n", "\n#99999999999\n", "\n##x"}) {
      try (var raw = attacker()) {
        raw.send(header + "<rpc/>");
        assertTrue(raw.awaitClosed(WAIT), "still open after " + header.strip());
        assertTrue(
            raw.received().contains("malformed-message") || raw.received().contains("too-big"),
            header.strip() + ": " + raw.received());
      }
    }
  }

  /** Random bytes once the session is up: an error or a clean close, never a hang. */
  @Test
  void randomBytesAfterHello() throws Exception {
    var random = new Random(8341);
    for (int round = 0; round < 5; round++) {
      var bytes = new byte[16 * 1024];
      random.nextBytes(bytes);
      try (var raw = attacker()) {
        raw.send(bytes);
        assertTrue(raw.awaitClosed(WAIT), "still open after random bytes, round " + round);
      }
    }
  }

  /** Random bytes instead of a hello (RFC 6241 §8.1): the session is closed. */
  @Test
  void randomBytesInsteadOfHello() throws Exception {
    var bytes = new byte[4096];
    new Random(6242).nextBytes(bytes);
    try (var raw =
        RawNetconf.open(server.server.netconfPort(), TestServer.USER, TestServer.PASSWORD)) {
      raw.send(bytes);
      raw.send("]]>]]>");
      assertTrue(raw.awaitClosed(WAIT), "still open after a garbage hello");
    }
  }

  /** Many messages in one write, one of them bad: each is answered in order. */
  @Test
  void badMessageAmongGoodOnes() throws Exception {
    try (var raw = attacker()) {
      var out = new ByteArrayOutputStream();
      out.writeBytes(RawNetconf.frame(GET_CONFIG));
      out.writeBytes(RawNetconf.frame("<rpc message-id=\"x\"><unclosed></rpc>"));
      out.writeBytes(RawNetconf.frame(GET_CONFIG.replace("\"7\"", "\"8\"")));
      raw.send(out.toByteArray());
      assertTrue(raw.await("message-id=\"8\"", WAIT), raw.received());
      assertEquals(1, raw.received().split("malformed-message", -1).length - 1, raw.received());
    }
  }
}
