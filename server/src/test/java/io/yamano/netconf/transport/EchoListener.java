package io.yamano.netconf.transport;

import io.yamano.netconf.message.MessageException;
import io.yamano.netconf.message.MessageWriter;
import io.yamano.netconf.message.NetconfNamespaces;
import io.yamano.netconf.message.ReplyEnvelope;
import io.yamano.netconf.message.RpcRequest;
import io.yamano.netconf.message.XmlElement;
import io.yamano.netconf.message.XmlMessageReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trivial operations layer: {@code <close-session/>} closes, {@code <echo>text</echo>} answers
 * {@code <data><echo>text</echo><seq>n</seq></data>} where n counts the session's requests,
 * anything else answers {@code <ok/>}. Bad input gets the error its exception carries.
 */
final class EchoListener implements NetconfSessionListener {
  private static final XmlMessageReader XML = new XmlMessageReader();
  private static final MessageWriter WRITER = new MessageWriter();

  private final NetconfSession session;
  private final AtomicInteger sequence = new AtomicInteger();
  volatile boolean closed;

  EchoListener(NetconfSession session) {
    this.session = session;
  }

  @Override
  public void onMessage(byte[] xml) throws Exception {
    XmlElement root = null;
    RpcRequest request;
    try {
      root = XML.read(xml);
      request = RpcRequest.parse(root);
    } catch (MessageException e) {
      var envelope = root == null ? ReplyEnvelope.NONE : ReplyEnvelope.bestEffort(root);
      session.send(WRITER.errors(envelope, List.of(e.error())));
      return;
    }
    int seq = sequence.incrementAndGet();
    var op = request.operation();
    if (op.is(NetconfNamespaces.BASE, "close-session")) {
      session.send(WRITER.ok(ReplyEnvelope.of(request)));
      session.close();
    } else if (op.localName().equals("echo")) {
      if (seq % 7 == 0) {
        Thread.sleep(2); // slow requests must not be overtaken by later ones
      }
      session.send(
          WRITER.reply(
              ReplyEnvelope.of(request),
              w -> {
                w.writeStartElement(NetconfNamespaces.BASE, "data");
                w.writeStartElement(NetconfNamespaces.BASE, "echo");
                w.writeCharacters(op.text());
                w.writeEndElement();
                w.writeStartElement(NetconfNamespaces.BASE, "seq");
                w.writeCharacters(Integer.toString(seq));
                w.writeEndElement();
                w.writeEndElement();
              }));
    } else {
      session.send(WRITER.ok(ReplyEnvelope.of(request)));
    }
  }

  @Override
  public void onClose() {
    closed = true;
  }
}
