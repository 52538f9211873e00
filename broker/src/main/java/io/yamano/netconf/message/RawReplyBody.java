package io.yamano.netconf.message;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A reply body that writes its XML text itself, straight to the message's byte stream: the way
 * large data replies skip the per-event cost of a StAX writer. The text must be well-formed and
 * declare every namespace it uses.
 */
public interface RawReplyBody extends ReplyBody {
  void writeRaw(Writer out) throws IOException;

  @Override
  default void writeTo(XMLStreamWriter writer) throws XMLStreamException {
    throw new XMLStreamException("a raw reply body is written by the message writer");
  }
}
