/**
 * NETCONF message framing over a byte stream (<a
 * href="https://www.rfc-editor.org/rfc/rfc6242#section-4">RFC 6242 §4</a>): the end-of-message
 * delimiter of base:1.0 and the chunked framing of base:1.1.
 *
 * <p>This package knows nothing of SSH or XML. A {@link io.yamano.netconf.framing.FrameReader}
 * turns arbitrary reads into whole messages and switches from end-of-message to chunked framing at
 * the exact byte after the hello; a {@link io.yamano.netconf.framing.FrameEncoder} frames outgoing
 * messages.
 */
package io.yamano.netconf.framing;
