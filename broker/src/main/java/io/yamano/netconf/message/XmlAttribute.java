package io.yamano.netconf.message;

import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * One attribute as read: its name keeps the namespace and the prefix it was written with.
 *
 * @param name the attribute name ({@link javax.xml.XMLConstants#NULL_NS_URI} for unqualified)
 * @param value the normalized value
 */
public record XmlAttribute(QName name, String value) {
  public XmlAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** An unqualified attribute. */
  public static XmlAttribute of(String localName, String value) {
    return new XmlAttribute(new QName(localName), value);
  }
}
