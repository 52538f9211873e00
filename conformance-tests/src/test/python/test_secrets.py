"""Credentials are never returned in clear: a VIM password or token written over NETCONF or
RESTCONF is sealed (AES-256-GCM, key in DATA_DIR/secret.key) before it is stored, and every read
(get-config, get, get-data, RESTCONF GET) returns the sealed form. No file of the data directory
(journals, snapshots, audit log) and no line the server prints holds the clear text.

The reads are those of RFC 6241 §7.1 (get-config) and §7.7 (get), RFC 8526 §3.1.1 (get-data) and
RFC 8040 §4.3 (GET); errors follow RFC 6241 §4.3 / RFC 8040 §7.1."""

import base64
import json
import os
import subprocess
import tempfile
from pathlib import Path

import peers
from nctest import NC, ConformanceCase, assert_ok, call, data_of

VIM = "urn:yamano:params:xml:ns:yang:yamano-vim"
NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda"
PREFIX = "$aes256-gcm$"
NETCONF_CLEAR = "Nc-Keystone-Pa55"
RESTCONF_CLEAR = "Rc-Bearer-T0ken"
CANDIDATE_CLEAR = "Cand-Only-Pa55"


def account(name, secret_xml, vim_type="openstack"):
    return (f'<vim-accounts xmlns="{VIM}"><vim-account><name>{name}</name>'
            f"<type>{vim_type}</type><endpoint>https://keystone.example:5000/v3</endpoint>"
            f"<credentials><user>admin</user>{secret_xml}</credentials></vim-account>"
            "</vim-accounts>")


def password_of(data, name):
    found = data.xpath(f"//v:vim-account[v:name='{name}']/v:credentials/v:password/text()",
                       namespaces={"v": VIM})
    return found[0] if found else None


class SealedCredentials(ConformanceCase):
    load_baseline = False

    def commit_account(self, name, secret_xml):
        assert_ok(self.edit(account(name, secret_xml)))
        assert_ok(call(self.m, "<commit/>"))

    def xml(self, element):
        from lxml import etree
        return etree.tostring(element).decode()

    def curl(self, method, path, body=None):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp, "b")
            cmd = ["curl", "-sS", "--cacert", str(Path(self.server.data_dir, "tls", "server.crt")),
                   "-u", f"admin:{peers.YamanoServer.PASSWORD}", "-X", method, "-o", str(out),
                   "-w", "%{http_code}", "-H", "Accept: application/yang-data+json"]
            if body is not None:
                cmd += ["-H", "Content-Type: application/yang-data+json", "--data-binary", body]
            cmd.append(f"https://127.0.0.1:{self.server.restconf_port}/restconf/data{path}")
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            return int(proc.stdout.strip() or 0), out.read_text() if out.exists() else ""

    def test_a_netconf_reads_return_the_password_sealed(self):
        """RFC 6241 §7.1, §7.7; RFC 8526 §3.1.1: every read of running shows the sealed form."""
        self.commit_account("nc-cloud", f"<password>{NETCONF_CLEAR}</password>")
        flt = f'<filter type="subtree"><vim-accounts xmlns="{VIM}"/></filter>'
        replies = [
            call(self.m, f"<get-config><source><running/></source>{flt}</get-config>"),
            call(self.m, f"<get-config><source><candidate/></source>{flt}</get-config>"),
            call(self.m, f"<get>{flt}</get>"),
            call(self.m, f'<get-data xmlns="{NMDA}" xmlns:ds="urn:ietf:params:xml:ns:yang:'
                         f'ietf-datastores"><datastore>ds:operational</datastore>'
                         f'<subtree-filter><vim-accounts xmlns="{VIM}"/></subtree-filter>'
                         "</get-data>"),
        ]
        for reply in replies:
            text = self.xml(reply)
            self.assertNotIn(NETCONF_CLEAR, text)
            data = reply.find(f"{{{NC}}}data")
            if data is None:
                data = reply.find(f"{{{NMDA}}}data")
            self.assertIsNotNone(data, text)
            self.assertTrue((password_of(data, "nc-cloud") or "").startswith(PREFIX), text)

    def test_b_a_candidate_edit_is_sealed_before_commit(self):
        """RFC 6241 §8.3: the candidate, read before any commit, already holds the sealed form."""
        assert_ok(self.edit(account("cand-cloud", f"<password>{CANDIDATE_CLEAR}</password>")))
        flt = f'<filter type="subtree"><vim-accounts xmlns="{VIM}"/></filter>'
        data = data_of(call(self.m, f"<get-config><source><candidate/></source>{flt}</get-config>"))
        self.assertNotIn(CANDIDATE_CLEAR, self.xml(data))
        self.assertTrue(password_of(data, "cand-cloud").startswith(PREFIX))
        assert_ok(call(self.m, "<discard-changes/>"))

    def test_c_a_sealed_value_copied_back_is_kept(self):
        """A configuration read and written back (a copy, a restore) keeps its secrets."""
        self.commit_account("src", "<password>copy-me</password>")
        flt = f'<filter type="subtree"><vim-accounts xmlns="{VIM}"/></filter>'
        sealed = password_of(data_of(call(
            self.m, f"<get-config><source><running/></source>{flt}</get-config>")), "src")
        self.commit_account("dst", f"<password>{sealed}</password>")
        again = password_of(data_of(call(
            self.m, f"<get-config><source><running/></source>{flt}</get-config>")), "dst")
        self.assertEqual(sealed, again)

    def test_d_a_value_sealed_under_another_key_is_refused(self):
        """RFC 6241 §4.3: invalid-value, with the error-path at the leaf and nothing changed."""
        foreign = PREFIX + base64.urlsafe_b64encode(os.urandom(44)).decode().rstrip("=")
        reply = self.edit(account("foreign", f"<password>{foreign}</password>"))
        err = self.assert_error(reply, "application", "invalid-value")
        self.assertIn("password", err.path or "", repr(err))
        self.assertIn("another key", err.message or "", repr(err))
        flt = f'<filter type="subtree"><vim-accounts xmlns="{VIM}"/></filter>'
        data = data_of(call(self.m, f"<get-config><source><candidate/></source>{flt}</get-config>"))
        self.assertIsNone(password_of(data, "foreign"))

    def test_e_restconf_write_and_read_in_json(self):
        """RFC 8040 §4.5 (PUT) and §4.3 (GET): a token written in JSON is read back sealed."""
        body = json.dumps({"yamano-vim:vim-account": [{
            "name": "rc-k8s", "type": "kubernetes", "endpoint": "https://k8s.example:6443",
            "credentials": {"user": "ops", "token": RESTCONF_CLEAR}}]})
        status, text = self.curl("PUT", "/yamano-vim:vim-accounts/vim-account=rc-k8s", body)
        self.assertIn(status, (201, 204), text)
        status, text = self.curl("GET", "/yamano-vim:vim-accounts/vim-account=rc-k8s")
        self.assertEqual(200, status, text)
        self.assertNotIn(RESTCONF_CLEAR, text)
        token = json.loads(text)["yamano-vim:vim-account"][0]["credentials"]["token"]
        self.assertTrue(token.startswith(PREFIX), text)

    def test_z_no_file_and_no_log_line_holds_a_clear_secret(self):
        """After the writes above, nothing on disk or printed by the server holds them."""
        self.commit_account("late", f"<password>{NETCONF_CLEAR}-late</password>")
        secrets = [NETCONF_CLEAR, RESTCONF_CLEAR, CANDIDATE_CLEAR]
        files = 0
        for root, _, names in os.walk(self.server.data_dir):
            for n in names:
                content = Path(root, n).read_bytes()
                files += 1
                for s in secrets:
                    self.assertNotIn(s.encode(), content, f"{Path(root, n)} holds {s!r}")
        self.assertGreater(files, 3)
        printed = "".join(self.server.output)
        for s in secrets:
            self.assertNotIn(s, printed)
        key = Path(self.server.data_dir, "secret.key")
        self.assertEqual(0o600, key.stat().st_mode & 0o777)
