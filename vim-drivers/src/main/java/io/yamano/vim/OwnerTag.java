package io.yamano.vim;

/**
 * Who in Yamano a VIM resource belongs to: the NS instance, the VNF instance and the VDU (or
 * virtual link, or storage) it realises. Any part may be {@code null} when it does not apply.
 */
public record OwnerTag(String nsInstanceId, String vnfInstanceId, String elementId)
    implements java.io.Serializable {

  /** Owned by Yamano, but by no instance in particular. */
  public static final OwnerTag NONE = new OwnerTag(null, null, null);

  public static OwnerTag of(String nsInstanceId, String vnfInstanceId, String elementId) {
    return new OwnerTag(nsInstanceId, vnfInstanceId, elementId);
  }

  /** Rendered as {@code ns/vnf/element}, with {@code -} for an absent part. */
  @Override
  public String toString() {
    return part(nsInstanceId) + "/" + part(vnfInstanceId) + "/" + part(elementId);
  }

  private static String part(String value) {
    return value == null ? "-" : value;
  }
}
