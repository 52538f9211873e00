"""Errors in the RPC layer itself: RFC 6241 §4.1, §4.3 and Appendix A (raw client: a library
would never send these)."""

from lxml import etree

from nctest import NC, ConformanceCase
from rawnetconf import RawSession


class ProtocolErrorTests(ConformanceCase):
    load_baseline = False

    def setUp(self):
        self.s = RawSession(self.target)
        self.addCleanup(self.s.transport.close)

    def reply(self, text):
        self.s.send(text)
        return etree.fromstring(self.s.recv().encode())

    def test_rfc6241_4_1_missing_message_id(self):
        """RFC 6241 §4.1: an <rpc> without message-id is answered with missing-attribute,
        error-type rpc, error-info bad-attribute message-id and bad-element rpc."""
        reply = self.reply(f'<rpc xmlns="{NC}"><get-config><source><running/></source>'
                           "</get-config></rpc>")
        self.assertEqual(f"{{{NC}}}rpc-reply", reply.tag)
        self.assert_error(reply, "rpc", "missing-attribute",
                                info={"bad-attribute": "message-id", "bad-element": "rpc"})

    def test_rfc6241_appendix_a_malformed_message(self):
        """RFC 6241 Appendix A malformed-message (base:1.1): XML that is not well-formed;
        error-type rpc."""
        reply = self.reply(f'<rpc xmlns="{NC}" message-id="5"><get-config><source>')
        self.assert_error(reply, "rpc", "malformed-message")

    def test_rfc6241_appendix_a_unknown_operation(self):
        """RFC 6241 Appendix A, RFC 7950 §7.14: an operation the server does not implement is an
        error (operation-not-supported or unknown-element), never <ok/>."""
        reply = self.reply(f'<rpc xmlns="{NC}" message-id="6"><frobnicate/></rpc>')
        errs = reply.findall(f"{{{NC}}}rpc-error")
        self.assertEqual(1, len(errs))
        self.assertIn(errs[0].findtext(f"{{{NC}}}error-tag"),
                      ("operation-not-supported", "unknown-element"))
        self.assertEqual("6", reply.get("message-id"))

    def test_rfc6241_4_3_session_survives_an_error(self):
        """RFC 6241 §4.3: an rpc-error does not end the session; the next rpc works."""
        self.reply(f'<rpc xmlns="{NC}"><close-session/></rpc>')
        reply = self.reply(f'<rpc xmlns="{NC}" message-id="9"><close-session/></rpc>')
        self.assertIsNotNone(reply.find(f"{{{NC}}}ok"))
