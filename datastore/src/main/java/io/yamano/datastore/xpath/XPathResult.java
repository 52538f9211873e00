package io.yamano.datastore.xpath;

import java.util.List;

/**
 * The value of an XPath 1.0 expression (<a
 * href="https://www.w3.org/TR/1999/REC-xpath-19991116/#section-Introduction">XPath 1.0 §1</a>): a
 * node-set, a string, a number or a boolean, with the conversions of XPath 1.0 §4.
 */
public sealed interface XPathResult {

  /**
   * XPath {@code boolean()}: a non-empty node-set, a non-empty string, a non-zero non-NaN number.
   */
  boolean asBoolean();

  /** XPath {@code number()}: a node-set converts through the string-value of its first node. */
  double asNumber();

  /**
   * XPath {@code string()}: a node-set gives the string-value of its first node in document order.
   */
  String asString();

  /**
   * A node-set, in document order and without duplicates.
   *
   * @param nodes the nodes
   */
  record NodeSet(List<DataCursor> nodes) implements XPathResult {
    /** The empty node-set. */
    public static final NodeSet EMPTY = new NodeSet(List.of());

    /** Copies the list. */
    public NodeSet {
      nodes = List.copyOf(nodes);
    }

    @Override
    public boolean asBoolean() {
      return !nodes.isEmpty();
    }

    @Override
    public double asNumber() {
      return Values.toNumber(asString());
    }

    @Override
    public String asString() {
      return nodes.isEmpty() ? "" : nodes.get(0).stringValue();
    }
  }

  /**
   * A string.
   *
   * @param value the string
   */
  record StringValue(String value) implements XPathResult {
    /** Rejects null. */
    public StringValue {
      java.util.Objects.requireNonNull(value);
    }

    @Override
    public boolean asBoolean() {
      return !value.isEmpty();
    }

    @Override
    public double asNumber() {
      return Values.toNumber(value);
    }

    @Override
    public String asString() {
      return value;
    }
  }

  /**
   * A number (IEEE 754 double, as XPath 1.0 §3.5 requires).
   *
   * @param value the number
   */
  record NumberValue(double value) implements XPathResult {
    @Override
    public boolean asBoolean() {
      return value != 0 && !Double.isNaN(value);
    }

    @Override
    public double asNumber() {
      return value;
    }

    @Override
    public String asString() {
      return Values.toString(value);
    }
  }

  /**
   * A boolean.
   *
   * @param value the boolean
   */
  record BooleanValue(boolean value) implements XPathResult {
    /** {@code true()}. */
    public static final BooleanValue TRUE = new BooleanValue(true);

    /** {@code false()}. */
    public static final BooleanValue FALSE = new BooleanValue(false);

    /** The constant for a Java boolean. */
    public static BooleanValue of(final boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public boolean asBoolean() {
      return value;
    }

    @Override
    public double asNumber() {
      return value ? 1 : 0;
    }

    @Override
    public String asString() {
      return value ? "true" : "false";
    }
  }
}
