package io.yamano.netconf.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The create-subscription filter on notification content (RFC 5277 §3.6), without sockets. */
class EventFilterTest {
  private static final String NCN = NetconfEvents.NAMESPACE;

  private static Notification event(String content) {
    return new Notification(1, Instant.EPOCH, "NETCONF", NCN, "x", content);
  }

  private static final Notification SESSION_END =
      event(
          "<netconf-session-end xmlns=\""
              + NCN
              + "\"><username>admin</username><session-id>7</session-id>"
              + "<termination-reason>killed</termination-reason></netconf-session-end>");

  private static Element filter(String inner) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader("<filter>" + inner + "</filter>")))
        .getDocumentElement();
  }

  /** RFC 6241 §6.2.5: a selection node selects the event of that name and namespace. */
  @Test
  void selectionNodeMatchesByNameAndNamespace() throws Exception {
    assertTrue(
        EventFilter.Subtree.of(filter("<netconf-session-end xmlns=\"" + NCN + "\"/>"))
            .matches(SESSION_END));
    assertFalse(
        EventFilter.Subtree.of(filter("<netconf-session-start xmlns=\"" + NCN + "\"/>"))
            .matches(SESSION_END));
    assertFalse(
        EventFilter.Subtree.of(filter("<netconf-session-end xmlns=\"urn:other\"/>"))
            .matches(SESSION_END));
  }

  /** RFC 6241 §6.2.5: content match nodes must all match. */
  @Test
  void contentMatchNodes() throws Exception {
    String match =
        "<netconf-session-end xmlns=\""
            + NCN
            + "\"><termination-reason>killed</termination-reason></netconf-session-end>";
    String miss = match.replace("killed</", "closed</");
    assertTrue(EventFilter.Subtree.of(filter(match)).matches(SESSION_END));
    assertFalse(EventFilter.Subtree.of(filter(miss)).matches(SESSION_END));
  }

  /** RFC 6241 §8.9: an XPath filter selects the event if its node-set is not empty. */
  @Test
  void xpathOnContent() {
    var prefixes = Map.of("n", NCN);
    assertTrue(
        new EventFilter.XPath("/n:netconf-session-end[n:session-id=7]", prefixes)
            .matches(SESSION_END));
    assertFalse(new EventFilter.XPath("/n:netconf-session-start", prefixes).matches(SESSION_END));
  }

  /** RFC 6470 §3.1: edit targets carry their prefix declarations. */
  @Test
  void configChangeRendersTargetsWithPrefixes() throws Exception {
    var published = new java.util.ArrayList<Notification>();
    var dir = java.nio.file.Files.createTempDirectory("events");
    try (var log = ReplayLog.open(dir, 1 << 20, 2);
        var bus = new NotificationBus(log, java.time.Clock.systemUTC())) {
      bus.subscribe(published::add);
      new NetconfEvents(bus)
          .configChange(
              new ChangedBy.Server(),
              "startup",
              java.util.List.of(
                  new ConfigEdit(
                      java.util.Optional.of("/a:top/a:item[a:id='x']"),
                      Map.of("a", "urn:a"),
                      "replace")));
    }
    String xml = published.get(0).contentXml();
    assertTrue(xml.contains("<changed-by><server/></changed-by>"), xml);
    assertTrue(xml.contains("<datastore>startup</datastore>"), xml);
    assertTrue(xml.contains("<target xmlns:a=\"urn:a\">/a:top/a:item[a:id='x']</target>"), xml);
    assertTrue(xml.contains("<operation>replace</operation>"), xml);
  }
}
