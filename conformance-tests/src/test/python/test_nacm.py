"""Access control: NETCONF Access Control Model, RFC 8341 §3.4 (each rule kind allowing and denying).

The admin of a fresh install configures users and NACM rules over NETCONF; other users then see and
change only what their rules allow.
"""

import base64
import dataclasses
import hashlib
import os
import unittest

from nctest import (NC, ConformanceCase, assert_ok, call, connect, data_of, errors_of, shop, xp)

NACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm"
AAA = "urn:yamano:params:xml:ns:yang:yamano-aaa"
PASSWORD = "nacm-test-pw"


def pbkdf2(password, iterations=2000):
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations, 32)
    return "$pbkdf2-sha256$%d$%s$%s" % (iterations, base64.b64encode(salt).decode(),
                                         base64.b64encode(digest).decode())


def rule(name, match, ops, action):
    return (f"<rule><name>{name}</name>{match}<access-operations>{ops}</access-operations>"
            f"<action>{action}</action></rule>")


RULES = (
    f'<nacm xmlns="{NACM}" xmlns:shop="urn:example:shop">'
    "<groups><group><name>editors</name><user-name>bob</user-name></group>"
    "<group><name>readers</name><user-name>carol</user-name></group></groups>"
    "<rule-list><name>editors</name><group>editors</group>"
    + rule("hide-b2", "<path>/shop:shop/shop:product[shop:sku='B2']</path>", "read", "deny")
    + rule("products", "<path>/shop:shop/shop:product</path>", "create update delete", "permit")
    + "</rule-list>"
    "<rule-list><name>readers</name><group>readers</group>"
    + rule("no-shop", "<module-name>shop</module-name>", "read", "deny")
    + rule("no-lock", "<module-name>ietf-netconf</module-name><rpc-name>lock</rpc-name>",
           "exec", "deny")
    + rule("no-change-events", "<module-name>ietf-netconf-notifications</module-name>"
           "<notification-name>netconf-config-change</notification-name>", "read", "deny")
    + "</rule-list></nacm>")


@unittest.skipIf(os.environ.get("CONFORMANCE_SERVER") == "netconfd",
                 "netconfd's NACM is configured differently")
class NacmTests(ConformanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = "".join(f"<user><name>{u}</name><password>{pbkdf2(PASSWORD)}</password></user>"
                        for u in ("bob", "carol", "dave"))
        with connect(cls.target) as m:
            for body in (f'<aaa xmlns="{AAA}">{users}</aaa>', RULES):
                assert_ok(call(m, f"<edit-config><target><running/></target>"
                                  f'<config xmlns="{NC}">{body}</config></edit-config>'))

    def as_user(self, user):
        m = connect(dataclasses.replace(self.target, user=user, password=PASSWORD, key_file=None))
        self.addCleanup(m.close_session)
        return m

    def running(self, m):
        return data_of(call(m, "<get-config><source><running/></source></get-config>"))

    def test_rfc8341_3_2_admin_configures_nacm(self):
        """RFC 8341 §3.2: NACM is configuration; the first-start admin group reads it all."""
        data = self.running(self.m)
        self.assertEqual(["admin", "editors", "readers"],
                         sorted(e.text for e in data.iterfind(f"{{{NACM}}}nacm/{{{NACM}}}groups/"
                                                              f"{{{NACM}}}group/{{{NACM}}}name")))

    def test_rfc8341_3_4_5_default_deny_all_pruned(self):
        """RFC 8341 §3.4.5 step 8: nodes marked default-deny-all (nacm, password) are not sent."""
        data = self.running(self.as_user("dave"))
        self.assertIsNone(data.find(f"{{{NACM}}}nacm"))
        self.assertEqual([], data.findall(f".//{{{AAA}}}password"))
        self.assertEqual(["Corner"], [e.text for e in xp(data, "shop:shop/shop:name")])

    def test_rfc8341_3_4_5_write_default_denies(self):
        """RFC 8341 §3.4.5 step 11: write-default deny gives access-denied with the error-path."""
        reply = self.edit(shop("<name>Daves</name>"), target="running", m=self.as_user("dave"))
        self.assert_error(reply, "application", "access-denied", path="/shop:shop/shop:name")

    def test_rfc8341_3_4_5_path_rule_permits_writes_below_it(self):
        """RFC 8341 §3.4.5: a data-node rule permits create below its path, nothing else."""
        bob = self.as_user("bob")
        assert_ok(self.edit(shop("<product><sku>N1</sku><title>Nut</title></product>"),
                            target="running", m=bob))
        reply = self.edit(shop("<name>Bobs</name>"), target="running", m=bob)
        self.assert_error(reply, "application", "access-denied", path="/shop:shop/shop:name")

    def test_rfc8341_3_4_5_key_predicate_hides_one_entry(self):
        """RFC 8341 §3.4.5: a read deny on one list entry prunes it silently, others stay."""
        skus = [e.text for e in xp(self.running(self.as_user("bob")), "shop:shop/shop:product/shop:sku")]
        self.assertIn("A1", skus)
        self.assertNotIn("B2", skus)

    def test_rfc8341_3_4_5_module_rule_hides_module(self):
        """RFC 8341 §3.4.5: a module-name read deny prunes every node of that module."""
        data = self.running(self.as_user("carol"))
        self.assertEqual([], xp(data, "shop:shop"))
        self.assertTrue(data.findall(f".//{{{AAA}}}user"))

    def test_rfc8341_3_4_4_rpc_rule_denies_lock(self):
        """RFC 8341 §3.4.4: an rpc-name exec deny refuses that operation with error-type protocol."""
        reply = call(self.as_user("carol"), "<lock><target><candidate/></target></lock>")
        self.assert_error(reply, "protocol", "access-denied")
        dave = self.as_user("dave")
        assert_ok(call(dave, "<lock><target><candidate/></target></lock>"))
        assert_ok(call(dave, "<unlock><target><candidate/></target></unlock>"))

    def test_rfc8341_3_4_4_kill_session_denied_by_default(self):
        """RFC 8341 §3.4.4 step 9: kill-session needs an explicit rule."""
        victim = self.as_user("bob")
        reply = call(self.as_user("dave"),
                     f"<kill-session><session-id>{victim.session_id}</session-id></kill-session>")
        self.assert_error(reply, "protocol", "access-denied")

    def test_rfc8341_3_4_6_notification_rule(self):
        """RFC 8341 §3.4.6: a notification-name read deny keeps that event from the user only."""
        carol, dave = self.as_user("carol"), self.as_user("dave")
        for m in (carol, dave):
            assert_ok(call(m, '<create-subscription '
                              'xmlns="urn:ietf:params:xml:ns:netconf:notification:1.0"/>'))
        assert_ok(self.edit(shop("<name>Evented</name>"), target="running"))
        seen = None
        for _ in range(50):
            n = dave.take_notification(timeout=0.2)
            if n is not None and "netconf-config-change" in n.notification_xml:
                seen = n
                break
        self.assertIsNotNone(seen, "dave got no netconf-config-change")
        for _ in range(5):
            n = carol.take_notification(timeout=0.2)
            if n is not None:
                self.assertNotIn("netconf-config-change", n.notification_xml)
        assert_ok(self.edit(shop("<name>Corner</name>"), target="running"))
