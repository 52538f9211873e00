"""Sessions: the candidate workflow, locks, kill-session, startup. RFC 6241 §7.3–§7.9, §8.3, §8.7."""

import time

from nctest import (NC, ConformanceCase, assert_ok, call, errors_of, shop, texts, xp)
from rawnetconf import RawSession


class CandidateWorkflowTests(ConformanceCase):

    def test_rfc6241_8_3_lock_edit_validate_commit_unlock(self):
        """RFC 6241 §8.3, §8.6, §7.5, §7.6: the documented candidate workflow."""
        for op in ("<lock><target><running/></target></lock>",
                   "<lock><target><candidate/></target></lock>"):
            assert_ok(call(self.m, op))
        assert_ok(self.edit(shop("<product><sku>W1</sku><title>Walnut</title></product>")))
        assert_ok(call(self.m, "<validate><source><candidate/></source></validate>"))
        assert_ok(call(self.m, "<commit/>"))
        for op in ("<unlock><target><candidate/></target></unlock>",
                   "<unlock><target><running/></target></unlock>"):
            assert_ok(call(self.m, op))
        other = self.session()
        self.assertEqual(["Walnut"], texts(self.get_config("running", m=other),
                                           "shop:shop/shop:product[shop:sku='W1']/shop:title"))

    def test_rfc6241_8_3_4_2_discard_changes(self):
        """RFC 6241 §8.3.4.2: discard-changes resets the candidate to running."""
        assert_ok(self.edit(shop("<name>Draft</name>")))
        assert_ok(call(self.m, "<discard-changes/>"))
        self.assertEqual(["Corner"], texts(self.get_config("candidate"), "shop:shop/shop:name"))

    def test_rfc6241_8_3_5_2_close_session_releases_lock(self):
        """RFC 6241 §7.5, §7.8: a lock ends with the session that holds it."""
        holder = self.session()
        assert_ok(call(holder, "<lock><target><candidate/></target></lock>"))
        holder.close_session()
        deadline = time.monotonic() + 5
        while True:
            reply = call(self.m, "<lock><target><candidate/></target></lock>")
            if not errors_of(reply) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert_ok(reply)
        assert_ok(call(self.m, "<unlock><target><candidate/></target></unlock>"))


class LockTests(ConformanceCase):

    def setUp(self):
        super().setUp()
        self.holder = RawSession(self.target)
        self.addCleanup(self.holder.close)
        reply = self.holder.rpc("<lock><target><candidate/></target></lock>")
        self.assertIn("<ok", reply)

    def test_rfc6241_7_5_lock_denied_names_the_holder(self):
        """RFC 6241 §7.5: a lock held by another session is lock-denied, error-type protocol,
        error-info session-id of the holder."""
        reply = call(self.m, "<lock><target><candidate/></target></lock>")
        self.assert_error(reply, "protocol", "lock-denied",
                          info={"session-id": str(self.holder.session_id)})

    def test_rfc6241_7_5_edit_by_other_session_is_in_use(self):
        """RFC 6241 §7.5, Appendix A in-use: writes to a datastore locked by another session
        fail with in-use, error-type protocol."""
        reply = self.edit(shop("<name>Intruder</name>"))
        errs = errors_of(reply)
        self.assertEqual(["in-use"], [e.tag for e in errs], errs)
        self.assertIn(errs[0].type, ("protocol", "application"))

    def test_rfc6241_7_6_unlock_by_other_session_fails(self):
        """RFC 6241 §7.6, Appendix A: only the holder may unlock (operation-failed or in-use);
        the lock stays."""
        reply = call(self.m, "<unlock><target><candidate/></target></unlock>")
        errs = errors_of(reply)
        self.assertEqual(1, len(errs))
        self.assertIn(errs[0].tag, ("operation-failed", "in-use"))
        reply = call(self.m, "<lock><target><candidate/></target></lock>")
        self.assertEqual(["lock-denied"], [e.tag for e in errors_of(reply)])

    def test_rfc6241_7_9_kill_session_releases_its_lock(self):
        """RFC 6241 §7.9: kill-session ends the other session and releases its locks."""
        assert_ok(call(self.m, f"<kill-session><session-id>{self.holder.session_id}"
                               "</session-id></kill-session>"))
        self.assertTrue(self.holder.is_closed(10), "killed session is still open")
        assert_ok(call(self.m, "<lock><target><candidate/></target></lock>"))
        assert_ok(call(self.m, "<unlock><target><candidate/></target></unlock>"))

    def test_rfc6241_7_9_kill_own_session_is_invalid_value(self):
        """RFC 6241 §7.9: killing one's own session is invalid-value."""
        me = RawSession(self.target)
        self.addCleanup(me.close)
        from lxml import etree
        reply = etree.fromstring(me.rpc(f"<kill-session><session-id>{me.session_id}"
                                        "</session-id></kill-session>").encode())
        self.assert_error(reply, "protocol", "invalid-value")


class LockCandidateModifiedTests(ConformanceCase):

    def test_rfc6241_8_3_5_1_lock_candidate_with_pending_changes_is_denied(self):
        """RFC 6241 §8.3.5.1: the candidate cannot be locked while it holds changes that another
        session made and neither committed nor discarded."""
        other = self.session()
        assert_ok(self.edit(shop("<name>Pending</name>"), m=other))
        reply = call(self.m, "<lock><target><candidate/></target></lock>")
        self.assertEqual(["lock-denied"], [e.tag for e in errors_of(reply)])
        assert_ok(call(other, "<discard-changes/>"))


class StartupTests(ConformanceCase):

    def test_rfc6241_7_3_copy_running_to_startup(self):
        """RFC 6241 §7.3, §8.7: copy-config running to startup makes startup equal running."""
        assert_ok(call(self.m, "<copy-config><target><startup/></target>"
                               "<source><running/></source></copy-config>"))
        startup = self.get_config("startup")
        self.assertEqual(["A1", "B2"], texts(startup, "shop:shop/shop:product/shop:sku"))

    def test_rfc6241_7_4_delete_config_startup(self):
        """RFC 6241 §7.4: delete-config startup empties it."""
        assert_ok(call(self.m, "<copy-config><target><startup/></target>"
                               "<source><running/></source></copy-config>"))
        assert_ok(call(self.m, "<delete-config><target><startup/></target></delete-config>"))
        startup = self.get_config("startup")
        self.assertEqual([], xp(startup, "shop:shop"))

    def test_rfc6241_7_4_delete_config_running_is_refused(self):
        """RFC 6241 §7.4: the running configuration cannot be deleted."""
        reply = call(self.m, "<delete-config><target><running/></target></delete-config>")
        self.assertEqual(1, len(errors_of(reply)), reply)
        self.assertEqual(["Corner"], texts(self.get_config("running"), "shop:shop/shop:name"))

    def test_rfc6241_7_3_copy_config_inline_to_candidate(self):
        """RFC 6241 §7.3: copy-config with inline <config> replaces the target."""
        assert_ok(call(self.m, "<copy-config><target><candidate/></target><source>"
                               f'<config xmlns="{NC}">' + shop("<name>Copied</name>")
                               + "</config></source></copy-config>"))
        cand = self.get_config("candidate")
        self.assertEqual(["Copied"], texts(cand, "shop:shop/shop:name"))
        self.assertEqual([], xp(cand, "shop:shop/shop:product"))
