package io.yamano.netconf.message;

/**
 * Limits applied while reading untrusted XML (the size of a message is limited by the framing).
 *
 * @param maxDepth deepest element nesting accepted (the root is depth 1)
 * @param maxAttributes most attributes on one element, namespace declarations included
 * @param maxElements most elements in one message
 */
public record XmlLimits(int maxDepth, int maxAttributes, int maxElements) {
  /** Depth 256, 64 attributes per element, 10 million elements. */
  public static final XmlLimits DEFAULT = new XmlLimits(256, 64, 10_000_000);

  public XmlLimits {
    if (maxDepth < 2 || maxAttributes < 1 || maxElements < 2) {
      throw new IllegalArgumentException(
          "limits too small: depth " + maxDepth + ", attributes " + maxAttributes);
    }
  }
}
