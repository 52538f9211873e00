"""Capabilities exchange, framing and session end: RFC 6241 §8.1, §7.8 and RFC 6242 §4."""

import re

from lxml import etree

from nctest import NC, ConformanceCase, connect
from rawnetconf import BASE_10, BASE_11, RawSession, client_hello


class HelloTests(ConformanceCase):
    load_baseline = False

    def setUp(self):
        pass

    def test_rfc6241_8_1_server_hello_capabilities_and_session_id(self):
        """RFC 6241 §8.1: the server's <hello> carries base:1.0 and base:1.1 and a session-id;
        RFC 6241 §8.3.1, §8.5.1, §8.6.1, §8.9.1, RFC 6243 §4, RFC 7950 §5.6.4: the features this
        server implements are announced."""
        with RawSession(self.target) as s:
            hello = etree.fromstring(s.server_hello.encode())
            self.assertEqual(f"{{{NC}}}hello", hello.tag)
            caps = s.server_capabilities
            sid = hello.findtext(f"{{{NC}}}session-id")
            self.assertRegex(sid, r"^[1-9][0-9]*$")
        for cap in (BASE_10, BASE_11,
                    "urn:ietf:params:netconf:capability:candidate:1.0",
                    "urn:ietf:params:netconf:capability:validate:1.1",
                    "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
                    "urn:ietf:params:netconf:capability:startup:1.0",
                    "urn:ietf:params:netconf:capability:xpath:1.0"):
            self.assertIn(cap, caps)
        wd = [c for c in caps if c.startswith("urn:ietf:params:netconf:capability:with-defaults:1.0")]
        self.assertEqual(1, len(wd), caps)
        self.assertRegex(wd[0], r"\?basic-mode=(explicit|trim|report-all)(&|$)")
        lib = [c for c in caps if c.startswith("urn:ietf:params:netconf:capability:yang-library:")]
        self.assertEqual(1, len(lib), caps)
        # RFC 8526 §2: yang-library:1.1 with the revision and content-id parameters
        self.assertRegex(lib[0], r"yang-library:1\.1\?(?=.*\brevision=\d{4}-\d{2}-\d{2})"
                                 r"(?=.*\bcontent-id=\S+)")

    def test_rfc6241_8_1_session_ids_differ(self):
        """RFC 6241 §8.1: each session gets its own session-id."""
        with RawSession(self.target) as a, RawSession(self.target) as b:
            self.assertNotEqual(a.session_id, b.session_id)

    def test_rfc6242_4_2_chunked_framing_after_base11(self):
        """RFC 6242 §4.2: with base:1.1 on both sides, messages use chunked framing; a message may
        be split in several chunks of any size, and the reply is chunked."""
        with RawSession(self.target, capabilities=(BASE_10, BASE_11)) as s:
            self.assertTrue(s.chunked)
            msg = f'<rpc xmlns="{NC}" message-id="7"><close-session/></rpc>'.encode()
            framed = b"".join(b"\n#%d\n" % len(msg[i:i + 5]) + msg[i:i + 5]
                              for i in range(0, len(msg), 5)) + b"\n##\n"
            s.send_bytes(framed)
            s.channel.settimeout(30)
            raw = b""
            while not raw.endswith(b"\n##\n"):
                part = s.channel.recv(65536)
                self.assertTrue(part, "closed before the chunked reply ended: %r" % raw)
                raw += part
            self.assertRegex(raw, rb"^\n#[1-9][0-9]*\n")
            s._buf = raw
            reply = etree.fromstring(s.recv().encode())
            self.assertEqual("7", reply.get("message-id"))
            self.assertIsNotNone(reply.find(f"{{{NC}}}ok"))

    def test_rfc6242_4_3_end_of_message_framing_for_base10_client(self):
        """RFC 6242 §4.1, §4.3: a client that announces only base:1.0 keeps ]]>]]> framing."""
        with RawSession(self.target, capabilities=(BASE_10,)) as s:
            self.assertFalse(s.chunked)
            s.send_bytes(f'<rpc xmlns="{NC}" message-id="8"><close-session/></rpc>]]>]]>'.encode())
            reply = etree.fromstring(s.recv().encode())
            self.assertEqual("8", reply.get("message-id"))
            self.assertIsNotNone(reply.find(f"{{{NC}}}ok"))

    def test_rfc6242_4_2_bad_chunk_header_ends_session(self):
        """RFC 6242 §4.2: a peer that receives an invalid chunk header terminates the session."""
        s = RawSession(self.target)
        try:
            s.send_bytes(b"\n#x\n<rpc/>\n##\n")
            self.assertTrue(s.is_closed(10), "session still open after a bad chunk header")
        finally:
            s.transport.close()

    def test_rfc6241_8_1_client_hello_with_session_id_ends_session(self):
        """RFC 6241 §8.1: if a client's <hello> contains a <session-id>, the server terminates
        the session."""
        s = RawSession(self.target, hello=client_hello(extra="<session-id>4</session-id>"))
        try:
            self.assertTrue(s.is_closed(10), "session still open after a hello with session-id")
        finally:
            s.transport.close()

    def test_rfc6241_8_1_no_common_base_version_ends_session(self):
        """RFC 6241 §8.1: a session without a common base protocol version is terminated."""
        s = RawSession(self.target, capabilities=("urn:ietf:params:netconf:base:9.9",))
        try:
            self.assertTrue(s.is_closed(10), "session still open without a common base version")
        finally:
            s.transport.close()

    def test_rfc6241_4_2_reply_echoes_rpc_attributes(self):
        """RFC 6241 §4.2: <rpc-reply> carries message-id and every other attribute of <rpc>."""
        with RawSession(self.target) as s:
            reply = s.rpc(f'<close-session/>', message_id='101" xmlns:ex="urn:example:x" '
                                                         'ex:user-id="fred')
            el = etree.fromstring(reply.encode())
            self.assertEqual("101", el.get("message-id"))
            self.assertEqual("fred", el.get("{urn:example:x}user-id"))


class CloseSessionTests(ConformanceCase):
    load_baseline = False

    def setUp(self):
        pass

    def test_rfc6241_7_8_close_session_replies_ok_and_closes(self):
        """RFC 6241 §7.8: <close-session> answers <ok/> and then the server closes the session."""
        with RawSession(self.target) as s:
            reply = etree.fromstring(s.rpc("<close-session/>").encode())
            self.assertIsNotNone(reply.find(f"{{{NC}}}ok"), s)
            self.assertTrue(s.is_closed(10), "session still open after close-session")

    def test_rfc6241_7_8_close_session_with_ncclient(self):
        """RFC 6241 §7.8 with a third-party client library (ncclient)."""
        m = connect(self.target)
        reply = m.close_session()
        self.assertTrue(reply.ok, reply.xml)
        self.assertTrue(re.search(r"<(\w+:)?ok\s*/>", reply.xml), reply.xml)


