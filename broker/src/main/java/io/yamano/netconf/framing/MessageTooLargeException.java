package io.yamano.netconf.framing;

/**
 * A message exceeds the configured maximum size. Distinct from a grammar error: the peer spoke the
 * framing correctly but sent more than this end accepts (the NETCONF answer is {@code too-big}).
 */
public final class MessageTooLargeException extends FramingException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public MessageTooLargeException(long offset, long limit) {
    super(Reason.MESSAGE_TOO_LARGE, offset, "message longer than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
