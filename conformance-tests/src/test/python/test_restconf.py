"""RESTCONF conformance, black box, with curl: every method, query parameter and error case of
RFC 8040, YANG Patch (RFC 8072) and the NMDA datastores (RFC 8527) against a started `yamano serve`
(HTTPS, the certificate it generated pinned with --cacert). Each test names the section it checks.

Run by run_restconf.py (exec-maven-plugin, integration-test phase)."""

import json
import os
import subprocess
import tempfile
import time
import unittest
import urllib.parse
from pathlib import Path

from lxml import etree

import nctest
import peers

RC = "urn:ietf:params:xml:ns:yang:ietf-restconf"
SHOP = "urn:example:shop"
YP = "urn:ietf:params:xml:ns:yang:ietf-yang-patch"
JSON = "application/yang-data+json"
XML = "application/yang-data+xml"
RESTCONF_YANG = peers.MODULE_DIR / "src" / "test" / "yang-restconf"

SERVER = None
TARGET = None
CLIENT_PKI = tempfile.TemporaryDirectory(prefix="yamano-client-pki-")


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=CLIENT_PKI.name)


def make_client_pki(data_dir):
    """A client CA (trusted by the server through tls/client-ca/) and a client certificate
    CN=curl-user that it issued, made with openssl."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=Conformance Client CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign")
    openssl("req", *ec, "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=curl-user")
    openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-set_serial", "7", "-days", "2", "-out", "client.crt")
    ca_dir = Path(data_dir, "tls", "client-ca")
    ca_dir.mkdir(parents=True)
    (ca_dir / "ca.pem").write_bytes(Path(CLIENT_PKI.name, "ca.pem").read_bytes())


def setUpModule():
    global SERVER, TARGET
    SERVER = peers.YamanoServer(models=[peers.YANG_DIR, RESTCONF_YANG], prepare=make_client_pki)
    TARGET = SERVER.__enter__()
    _, _, body = curl("PUT", "/data/shop:shop", json.dumps({"shop:shop": {
        "name": "Corner",
        "product": [{"sku": "A1", "title": "Apple", "barcode": "111", "price": 100},
                    {"sku": "B2", "title": "Banana", "barcode": "222", "price": 50}],
        "category": [{"name": "fruit"}, {"name": "veg"}]}}), ctype=JSON)


def tearDownModule():
    if SERVER is not None:
        SERVER.__exit__(None, None, None)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def xml(self):
        return etree.fromstring(self.body.encode())

    def error(self, i=0):
        """The i-th error of an RFC 8040 §7.1 errors body (JSON)."""
        return self.json()["ietf-restconf:errors"]["error"][i]

    def __iter__(self):
        return iter((self.status, self.headers, self.body))


def curl(method, path, body=None, ctype=None, accept=None, headers=(), user="admin",
         password=peers.YamanoServer.PASSWORD, base="/restconf", extra=(), timeout=30):
    """One request with curl over HTTPS; returns status, lower-case headers and body."""
    with tempfile.TemporaryDirectory() as tmp:
        head, out = Path(tmp, "h"), Path(tmp, "b")
        cmd = ["curl", "-sS", "--cacert", str(Path(SERVER.data_dir, "tls", "server.crt")),
               "-X", method, "-D", str(head), "-o", str(out), "-w", "%{http_code}",
               "--max-time", str(timeout)]
        if method == "HEAD":
            cmd[cmd.index("-X"):cmd.index("-X") + 2] = ["-I"]
        if user is not None:
            cmd += ["-u", f"{user}:{password}"]
        if ctype:
            cmd += ["-H", f"Content-Type: {ctype}"]
        if accept:
            cmd += ["-H", f"Accept: {accept}"]
        for h in headers:
            cmd += ["-H", h]
        if body is not None:
            cmd += ["--data-binary", body]
        cmd += list(extra)
        cmd.append(f"https://127.0.0.1:{restconf_port()}{base}{path}")
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 10)
        status = int(proc.stdout.strip() or 0)
        hdrs = {}
        if head.exists():
            for line in head.read_text().splitlines()[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    hdrs[k.strip().lower()] = v.strip()
        text = out.read_text() if out.exists() else ""
        return Response(status, hdrs, text)


def restconf_port():
    return SERVER.restconf_port


def data(path, **kw):
    return curl("GET", "/data" + path, **kw)


class RestconfCase(unittest.TestCase):
    def assertError(self, resp, status, tag, error_type=None, path=None, app_tag=None):
        self.assertEqual(resp.status, status, resp.body)
        err = resp.error()
        self.assertEqual(err["error-tag"], tag, resp.body)
        if error_type:
            self.assertEqual(err["error-type"], error_type, resp.body)
        if path is not None:
            self.assertEqual(err.get("error-path"), path, resp.body)
        if app_tag is not None:
            self.assertEqual(err.get("error-app-tag"), app_tag, resp.body)
        self.assertTrue(err["error-message"])


class Discovery(RestconfCase):
    def test_host_meta_rfc8040_3_1(self):
        r = curl("GET", "/.well-known/host-meta", base="", user=None)
        self.assertEqual(r.status, 200)
        link = r.xml().find("{http://docs.oasis-open.org/ns/xri/xrd-1.0}Link")
        self.assertEqual(link.get("rel"), "restconf")
        self.assertEqual(link.get("href"), "/restconf")

    def test_api_root_json_rfc8040_3_3(self):
        r = curl("GET", "")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["content-type"], JSON)
        root = r.json()["ietf-restconf:restconf"]
        self.assertEqual(root["yang-library-version"], "2019-01-04")
        self.assertIn("data", root)
        self.assertIn("operations", root)

    def test_api_root_xml_rfc8040_3_3(self):
        r = curl("GET", "", accept=XML)
        self.assertEqual(r.headers["content-type"], XML)
        self.assertEqual(r.xml().tag, f"{{{RC}}}restconf")

    def test_yang_library_version_rfc8040_3_3_3(self):
        r = curl("GET", "/yang-library-version")
        self.assertEqual(r.json(), {"ietf-restconf:yang-library-version": "2019-01-04"})

    def test_yang_library_lists_modules_rfc8040_10(self):
        r = data("/ietf-yang-library:modules-state")
        names = {m["name"] for m in r.json()["ietf-yang-library:modules-state"]["module"]}
        self.assertTrue({"shop", "restconf-test", "ietf-restconf-monitoring"} <= names, names)

    def test_restconf_state_capabilities_rfc8040_9_1_1(self):
        r = data("/ietf-restconf-monitoring:restconf-state/capabilities")
        caps = r.json()["ietf-restconf-monitoring:capabilities"]["capability"]
        for c in ("defaults:1.0?basic-mode=explicit", "depth:1.0", "fields:1.0", "filter:1.0",
                  "replay:1.0", "with-defaults:1.0", "yang-patch:1.0"):
            self.assertIn("urn:ietf:params:restconf:capability:" + c, caps)

    def test_restconf_state_streams_rfc8040_9_1_2(self):
        r = data("/ietf-restconf-monitoring:restconf-state/streams/stream=NETCONF")
        stream = r.json()["ietf-restconf-monitoring:stream"][0]
        self.assertTrue(stream["replay-support"])
        locations = {a["encoding"]: a["location"] for a in stream["access"]}
        self.assertTrue(locations["json"].endswith("/restconf/streams/NETCONF/json"))
        self.assertTrue(locations["xml"].startswith("https://"))

    def test_unknown_top_resource_404_rfc8040_3_3(self):
        r = curl("GET", "/nothing")
        self.assertError(r, 404, "invalid-value")


class Security(RestconfCase):
    def test_no_credentials_401_rfc8040_2_5(self):
        r = data("/shop:shop", user=None)
        self.assertEqual(r.status, 401)
        self.assertIn("Basic", r.headers["www-authenticate"])
        self.assertEqual(r.error()["error-tag"], "access-denied")

    def test_wrong_password_401_rfc8040_2_5(self):
        r = data("/shop:shop", password="wrong")
        self.assertEqual(r.status, 401)

    def test_plain_http_refused_on_tls_port_rfc8040_2(self):
        proc = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                               f"http://127.0.0.1:{restconf_port()}/restconf"],
                              capture_output=True, text=True)
        self.assertNotEqual(proc.stdout.strip(), "200")

    def test_certificate_is_verified_rfc8040_2_1(self):
        # without --cacert, curl must refuse the self-signed certificate
        proc = subprocess.run(["curl", "-sS", "-o", "/dev/null",
                               f"https://127.0.0.1:{restconf_port()}/restconf"],
                              capture_output=True, text=True)
        self.assertNotEqual(proc.returncode, 0)


class ClientCertificate(RestconfCase):
    """TLS client certificates mapped to users by cert-to-name (RFC 7589 §7, RFC 7407 §4)."""

    CERT = ("--cert", str(Path(CLIENT_PKI.name, "client.crt")),
            "--key", str(Path(CLIENT_PKI.name, "client.key")))

    def test_curl_cert_maps_to_user_rfc7589_7(self):
        r = curl("GET", "/data/yamano-aaa:aaa/user=admin", user=None, extra=self.CERT)
        self.assertEqual(r.status, 401, r.body)
        self.assertIn("no cert-to-name entry matched", r.error()["error-message"])
        fp = subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in",
                             str(Path(CLIENT_PKI.name, "ca.pem"))],
                            capture_output=True, text=True, check=True).stdout
        entry = {"id": 77, "fingerprint": "04:" + fp.strip().split("=", 1)[1],
                 "map-type": "yamano-aaa:common-name"}
        r = curl("PUT", "/data/yamano-aaa:aaa/user=curl-user",
                 json.dumps({"yamano-aaa:user": [{"name": "curl-user"}]}), ctype=JSON)
        self.assertIn(r.status, (201, 204), r.body)
        r = curl("PUT", "/data/yamano-aaa:cert-maps/cert-to-name=77",
                 json.dumps({"yamano-aaa:cert-to-name": [entry]}), ctype=JSON)
        self.assertIn(r.status, (201, 204), r.body)
        try:
            r = curl("GET", "/data/yamano-aaa:aaa/user=curl-user", user=None, extra=self.CERT)
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["yamano-aaa:user"][0]["name"], "curl-user")
            # a user other than admin: NACM's default denies writes (RFC 8341 §3.4.5)
            r = curl("PUT", "/data/shop:shop/name", json.dumps({"shop:name": "Mine"}),
                     ctype=JSON, user=None, extra=self.CERT)
            self.assertEqual(r.status, 403, r.body)
        finally:
            curl("DELETE", "/data/yamano-aaa:cert-maps/cert-to-name=77")
            curl("DELETE", "/data/yamano-aaa:aaa/user=curl-user")


class Read(RestconfCase):
    def test_get_container_json_rfc8040_4_3(self):
        r = data("/shop:shop")
        self.assertEqual(r.status, 200)
        shop = r.json()["shop:shop"]
        self.assertEqual(shop["name"], "Corner")
        self.assertEqual({p["sku"] for p in shop["product"]} >= {"A1", "B2"}, True)

    def test_get_container_xml_rfc8040_4_3(self):
        r = data("/shop:shop", accept=XML)
        self.assertEqual(r.headers["content-type"], XML)
        root = r.xml()
        self.assertEqual(root.tag, f"{{{SHOP}}}shop")
        self.assertEqual(root.findtext(f"{{{SHOP}}}name"), "Corner")

    def test_get_datastore_rfc8040_3_4(self):
        r = data("")
        self.assertIn("shop:shop", r.json()["ietf-restconf:data"])
        x = data("", accept=XML).xml()
        self.assertEqual(x.tag, f"{{{RC}}}data")

    def test_get_list_entry_rfc8040_3_5_3(self):
        r = data("/shop:shop/product=B2")
        self.assertEqual(r.json()["shop:product"][0]["title"], "Banana")
        x = data("/shop:shop/product=B2", accept=XML).xml()
        self.assertEqual(x.tag, f"{{{SHOP}}}product")
        self.assertEqual(x.findtext(f"{{{SHOP}}}sku"), "B2")

    def test_get_leaf_rfc8040_3_5_3(self):
        r = data("/shop:shop/product=B2/title")
        self.assertEqual(r.json(), {"shop:title": "Banana"})

    def test_key_with_reserved_characters_rfc8040_3_5_3(self):
        key = "x/1,2 %"
        enc = urllib.parse.quote(key, safe="")
        put = curl("PUT", f"/data/shop:shop/category={enc}",
                   json.dumps({"shop:category": [{"name": key}]}), ctype=JSON)
        self.assertEqual(put.status, 201, put.body)
        self.assertEqual(put.headers["location"], f"/restconf/data/shop:shop/category={enc.replace('%20', '%20')}")
        r = data(f"/shop:shop/category={enc}")
        self.assertEqual(r.json()["shop:category"][0]["name"], key)
        self.assertEqual(curl("DELETE", f"/data/shop:shop/category={enc}").status, 204)

    def test_missing_instance_404_rfc8040_4_3(self):
        r = data("/shop:shop/product=NOPE")
        self.assertError(r, 404, "invalid-value", path="/shop:shop/product[sku='NOPE']")

    def test_unknown_node_404_rfc8040_3_5_3(self):
        self.assertError(data("/shop:nothing"), 404, "invalid-value")
        self.assertError(data("/nomodule:shop"), 404, "invalid-value")

    def test_first_step_needs_module_rfc8040_3_5_3(self):
        self.assertError(data("/shop"), 400, "invalid-value")

    def test_wrong_key_count_400_rfc8040_3_5_3(self):
        self.assertError(data("/shop:shop/product=A1,B2"), 400, "invalid-value")

    def test_key_of_wrong_type_400_rfc8040_3_5_3(self):
        self.assertError(data("/shop:shop/order=notanumber"), 400, "invalid-value")

    def test_head_rfc8040_4_2(self):
        get = data("/shop:shop")
        head = curl("HEAD", "/data/shop:shop")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.headers["etag"], get.headers["etag"])
        self.assertEqual(int(head.headers["content-length"]), len(get.body.encode()))

    def test_not_acceptable_406_rfc8040_5_2(self):
        r = data("/shop:shop", accept="text/html")
        self.assertError(r, 406, "invalid-value")

    def test_accept_quality_rfc8040_5_2(self):
        r = data("/shop:shop", accept=f"{JSON};q=0.5, {XML};q=0.9")
        self.assertEqual(r.headers["content-type"], XML)

    def test_all_lists_of_an_rpc_free_container_rfc8040_3_5_3(self):
        r = data("/shop:shop/category")
        self.assertTrue(len(r.json()["shop:category"]) >= 2)


class Conditional(RestconfCase):
    def test_etag_changes_with_resource_rfc8040_3_5_2(self):
        a = data("/shop:shop/product=B2")
        self.assertTrue(a.headers["etag"].startswith('"'))
        self.assertEqual(data("/shop:shop/product=B2").headers["etag"], a.headers["etag"])
        curl("PATCH", "/data/shop:shop/product=B2",
             json.dumps({"shop:product": [{"sku": "B2", "stock": 7}]}), ctype=JSON)
        b = data("/shop:shop/product=B2")
        self.assertNotEqual(a.headers["etag"], b.headers["etag"])

    def test_if_none_match_304_rfc8040_3_5_2(self):
        a = data("/shop:shop/name")
        r = data("/shop:shop/name", headers=[f"If-None-Match: {a.headers['etag']}"])
        self.assertEqual(r.status, 304)
        self.assertEqual(r.body, "")

    def test_last_modified_and_if_modified_since_rfc8040_3_4_1_1(self):
        a = data("/shop:shop/name")
        self.assertIn("GMT", a.headers["last-modified"])
        r = data("/shop:shop/name", headers=[f"If-Modified-Since: {a.headers['last-modified']}"])
        self.assertEqual(r.status, 304)

    def test_if_match_mismatch_412_rfc8040_3_5_2(self):
        r = curl("PUT", "/data/shop:shop/name", json.dumps({"shop:name": "Other"}), ctype=JSON,
                 headers=['If-Match: "nope"'])
        self.assertError(r, 412, "operation-failed")
        self.assertEqual(data("/shop:shop/name").json()["shop:name"], "Corner")

    def test_if_match_current_etag_applies_rfc8040_3_5_2(self):
        etag = data("/shop:shop/name").headers["etag"]
        r = curl("PUT", "/data/shop:shop/name", json.dumps({"shop:name": "Corner"}), ctype=JSON,
                 headers=[f"If-Match: {etag}"])
        self.assertEqual(r.status, 204, r.body)

    def test_if_unmodified_since_in_the_past_412_rfc8040_3_4_1_1(self):
        r = curl("PUT", "/data/shop:shop/name", json.dumps({"shop:name": "Other"}), ctype=JSON,
                 headers=["If-Unmodified-Since: Mon, 01 Jan 2001 00:00:00 GMT"])
        self.assertEqual(r.status, 412)


class Edit(RestconfCase):
    def test_post_creates_child_201_location_rfc8040_4_4_1(self):
        r = curl("POST", "/data/shop:shop",
                 json.dumps({"shop:product": [{"sku": "P1", "title": "Pear", "barcode": "301",
                                               "price": 10}]}), ctype=JSON)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.headers["location"], "/restconf/data/shop:shop/product=P1")
        self.assertEqual(data("/shop:shop/product=P1/title").json(), {"shop:title": "Pear"})

    def test_post_existing_409_data_exists_rfc8040_4_4_1(self):
        r = curl("POST", "/data/shop:shop",
                 json.dumps({"shop:product": [{"sku": "A1", "title": "x", "barcode": "9",
                                               "price": 1}]}), ctype=JSON)
        self.assertError(r, 409, "data-exists", "application", path="/shop:shop/product[sku='A1']")

    def test_post_xml_rfc8040_4_4_1(self):
        body = (f'<product xmlns="{SHOP}"><sku>X1</sku><title>Xigua</title><barcode>302</barcode>'
                '<price>3</price></product>')
        r = curl("POST", "/data/shop:shop", body, ctype=XML)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(data("/shop:shop/product=X1/title", accept=XML).xml().text, "Xigua")

    def test_put_creates_201_then_replaces_204_rfc8040_4_5(self):
        body = json.dumps({"shop:product": [{"sku": "Q1", "title": "Quince", "barcode": "303",
                                             "price": 4}]})
        self.assertEqual(curl("PUT", "/data/shop:shop/product=Q1", body, ctype=JSON).status, 201)
        body = json.dumps({"shop:product": [{"sku": "Q1", "title": "Quince 2", "barcode": "303",
                                             "price": 4}]})
        self.assertEqual(curl("PUT", "/data/shop:shop/product=Q1", body, ctype=JSON).status, 204)
        self.assertEqual(data("/shop:shop/product=Q1/title").json()["shop:title"], "Quince 2")

    def test_put_replaces_whole_resource_rfc8040_4_5(self):
        curl("PUT", "/data/shop:shop/product=R1", json.dumps({"shop:product": [
            {"sku": "R1", "title": "R", "barcode": "304", "price": 4, "stock": 9}]}), ctype=JSON)
        curl("PUT", "/data/shop:shop/product=R1", json.dumps({"shop:product": [
            {"sku": "R1", "title": "R", "barcode": "304", "price": 4}]}), ctype=JSON)
        self.assertNotIn("stock", data("/shop:shop/product=R1").json()["shop:product"][0])

    def test_put_key_mismatch_400_rfc8040_4_5(self):
        body = json.dumps({"shop:product": [{"sku": "OTHER", "title": "x", "barcode": "1",
                                             "price": 1}]})
        r = curl("PUT", "/data/shop:shop/product=Q9", body, ctype=JSON)
        self.assertError(r, 400, "invalid-value")

    def test_put_xml_rfc8040_4_5(self):
        r = curl("PUT", "/data/shop:shop/product=A1/stock",
                 f'<stock xmlns="{SHOP}">11</stock>', ctype=XML)
        self.assertIn(r.status, (201, 204), r.body)
        r = curl("PUT", "/data/shop:shop/product=A1/stock",
                 f'<stock xmlns="{SHOP}">12</stock>', ctype=XML)
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(data("/shop:shop/product=A1/stock").json()["shop:stock"], 12)

    def test_patch_merges_204_rfc8040_4_6_1(self):
        r = curl("PATCH", "/data/shop:shop/product=A1",
                 json.dumps({"shop:product": [{"sku": "A1", "title": "Green apple"}]}), ctype=JSON)
        self.assertEqual(r.status, 204, r.body)
        p = data("/shop:shop/product=A1").json()["shop:product"][0]
        self.assertEqual(p["title"], "Green apple")
        self.assertEqual(p["price"], 100)

    def test_patch_missing_target_409_rfc8040_4_6_1(self):
        r = curl("PATCH", "/data/shop:shop/product=NONE",
                 json.dumps({"shop:product": [{"sku": "NONE", "title": "x"}]}), ctype=JSON)
        self.assertError(r, 409, "data-missing")
        self.assertEqual(data("/shop:shop/product=NONE").status, 404)

    def test_delete_204_then_409_rfc8040_4_7(self):
        curl("PUT", "/data/shop:shop/product=D1", json.dumps({"shop:product": [
            {"sku": "D1", "title": "D", "barcode": "305", "price": 1}]}), ctype=JSON)
        self.assertEqual(curl("DELETE", "/data/shop:shop/product=D1").status, 204)
        self.assertError(curl("DELETE", "/data/shop:shop/product=D1"), 409, "data-missing",
                         path="/shop:shop/product[sku='D1']")

    def test_unsupported_media_type_415_rfc8040_5_2(self):
        r = curl("PUT", "/data/shop:shop/name", "name=x", ctype="text/plain")
        self.assertEqual(r.status, 415)

    def test_malformed_json_400_rfc8040_7(self):
        r = curl("PUT", "/data/shop:shop/name", "{not json", ctype=JSON)
        self.assertError(r, 400, "malformed-message")

    def test_unknown_element_in_body_400_rfc8040_7(self):
        r = curl("PATCH", "/data/shop:shop", json.dumps({"shop:shop": {"colour": "red"}}),
                 ctype=JSON)
        self.assertError(r, 400, "unknown-element")

    def test_bad_value_in_body_400_rfc8040_7(self):
        r = curl("PUT", "/data/shop:shop/product=A1/price", json.dumps({"shop:price": "cheap"}),
                 ctype=JSON)
        self.assertError(r, 400, "invalid-value")

    def test_must_violation_is_a_commit_error_rfc7950_15_4(self):
        r = curl("PATCH", "/data/shop:shop/product=B2",
                 json.dumps({"shop:product": [{"sku": "B2", "discount": 9999}]}), ctype=JSON)
        self.assertEqual(r.status, 400, r.body)
        err = r.error()
        self.assertEqual(err["error-tag"], "operation-failed")
        self.assertEqual(err["error-app-tag"], "must-violation")
        self.assertIn("/shop:shop/product[sku='B2']", err["error-path"])
        self.assertNotIn("discount", data("/shop:shop/product=B2").json()["shop:product"][0])

    def test_unique_violation_rfc7950_15_1(self):
        r = curl("POST", "/data/shop:shop", json.dumps({"shop:product": [
            {"sku": "U1", "title": "U", "barcode": "111", "price": 1}]}), ctype=JSON)
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(r.error()["error-app-tag"], "data-not-unique")

    def test_leafref_violation_rfc7950_15_5(self):
        r = curl("POST", "/data/shop:shop", json.dumps({"shop:order": [
            {"id": 77, "sku": "NOSUCH"}]}), ctype=JSON)
        self.assertError(r, 409, "data-missing", app_tag="instance-required")

    def test_state_data_not_writable_405_rfc8040_4(self):
        r = curl("PUT", "/data/ietf-restconf-monitoring:restconf-state",
                 json.dumps({"ietf-restconf-monitoring:restconf-state": {}}), ctype=JSON)
        self.assertEqual(r.status, 405)

    def test_method_not_allowed_405_rfc8040_4(self):
        self.assertEqual(curl("PUT", "/operations/restconf-test:reboot", "{}", ctype=JSON).status,
                         405)
        self.assertEqual(curl("DELETE", "/data").status, 405)

    def test_put_whole_datastore_rfc8040_4_5(self):
        before = data("?content=config").json()["ietf-restconf:data"]
        # access control (RFC 8341) is configuration too: replacing the datastore without it
        # would leave no rule granting anyone anything
        config = {k: v for k, v in before.items()
                  if k.startswith(("shop:", "yamano-", "restconf-test:", "ietf-netconf-acm:"))}
        r = curl("PUT", "/data", json.dumps({"ietf-restconf:data": config}), ctype=JSON,
                 extra=["-G", "--data-urlencode", "content=config"] if False else ())
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(data("/shop:shop/name").json()["shop:name"],
                         before["shop:shop"]["name"])

    def test_options_rfc8040_4_1(self):
        r = curl("OPTIONS", "/data/shop:shop")
        allow = {m.strip() for m in r.headers["allow"].split(",")}
        self.assertEqual(allow, {"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"})
        self.assertIn("application/yang-patch+json", r.headers["accept-patch"])
        r = curl("OPTIONS", "")
        self.assertEqual({m.strip() for m in r.headers["allow"].split(",")},
                         {"GET", "HEAD", "OPTIONS"})
        r = curl("OPTIONS", "/data/restconf-test:devices/device=x/restart")
        self.assertEqual({m.strip() for m in r.headers["allow"].split(",")}, {"OPTIONS", "POST"})
        r = curl("OPTIONS", "/ds/ietf-datastores:operational")
        self.assertEqual({m.strip() for m in r.headers["allow"].split(",")},
                         {"GET", "HEAD", "OPTIONS"})


class Parameters(RestconfCase):
    def test_content_config_rfc8040_4_8_1(self):
        r = data("?content=config")
        root = r.json()["ietf-restconf:data"]
        self.assertIn("shop:shop", root)
        self.assertNotIn("ietf-restconf-monitoring:restconf-state", root)

    def test_content_nonconfig_rfc8040_4_8_1(self):
        root = data("?content=nonconfig").json()["ietf-restconf:data"]
        self.assertIn("ietf-restconf-monitoring:restconf-state", root)
        self.assertNotIn("shop:shop", root)

    def test_content_bad_value_400_rfc8040_4_8_1(self):
        self.assertError(data("?content=some"), 400, "invalid-value")

    def test_depth_rfc8040_4_8_2(self):
        self.assertEqual(data("/shop:shop?depth=1").json(), {"shop:shop": {}})
        shop = data("/shop:shop?depth=2").json()["shop:shop"]
        self.assertEqual(shop["name"], "Corner")
        self.assertTrue(all(set(p) <= {"sku"} for p in shop["product"]), shop)
        full = data("/shop:shop?depth=3").json()["shop:shop"]
        self.assertIn("title", full["product"][0])
        self.assertIn("title", data("/shop:shop?depth=unbounded").json()["shop:shop"]["product"][0])

    def test_depth_bad_values_400_rfc8040_4_8_2(self):
        for v in ("0", "65536", "x"):
            self.assertError(data(f"/shop:shop?depth={v}"), 400, "invalid-value")

    def test_fields_rfc8040_4_8_3(self):
        shop = data("/shop:shop?fields=name;product(title)").json()["shop:shop"]
        self.assertEqual(set(shop), {"name", "product"})
        self.assertTrue(all(set(p) <= {"sku", "title"} for p in shop["product"]))
        shop = data("/shop:shop?fields=product/price").json()["shop:shop"]
        self.assertEqual(set(shop), {"product"})

    def test_fields_syntax_error_400_rfc8040_4_8_3(self):
        self.assertError(data("/shop:shop?fields=product(title"), 400, "invalid-value")

    def test_with_defaults_rfc8040_4_8_9(self):
        self.assertNotIn("currency", data("/shop:shop").json()["shop:shop"])
        self.assertEqual(data("/shop:shop?with-defaults=report-all").json()["shop:shop"]["currency"],
                         "EUR")
        curl("PUT", "/data/shop:shop/currency", json.dumps({"shop:currency": "EUR"}), ctype=JSON)
        self.assertIn("currency", data("/shop:shop?with-defaults=explicit").json()["shop:shop"])
        self.assertNotIn("currency", data("/shop:shop?with-defaults=trim").json()["shop:shop"])
        tagged = data("/shop:shop?with-defaults=report-all-tagged", accept=XML).xml()
        cur = tagged.find(f"{{{SHOP}}}currency")
        self.assertEqual(cur.get("{urn:ietf:params:xml:ns:netconf:default:1.0}default"), "true")
        curl("DELETE", "/data/shop:shop/currency")

    def test_with_defaults_absent_leaf_rfc8040_4_8_9(self):
        self.assertEqual(data("/shop:shop/currency").status, 404)
        r = data("/shop:shop/currency?with-defaults=report-all")
        self.assertEqual(r.json(), {"shop:currency": "EUR"})
        r = curl("GET", "/ds/ietf-datastores:operational/shop:shop/max-items")
        self.assertEqual(r.json(), {"shop:max-items": 100})

    def test_with_defaults_and_fields_rfc8040_4_8_3(self):
        shop = data("/shop:shop?with-defaults=report-all&fields=name").json()["shop:shop"]
        self.assertEqual(set(shop), {"name"})
        shop = data("/shop:shop?with-defaults=report-all&depth=2").json()["shop:shop"]
        self.assertEqual(shop["currency"], "EUR")
        self.assertTrue(all(set(p) <= {"sku"} for p in shop["product"]), shop)
        x = data("/shop:shop?with-defaults=report-all-tagged&fields=currency;name", accept=XML).xml()
        self.assertEqual({c.tag.split("}")[1] for c in x}, {"name", "currency"})
        cur = x.find(f"{{{SHOP}}}currency")
        self.assertEqual(cur.get("{urn:ietf:params:xml:ns:netconf:default:1.0}default"), "true")

    def test_with_defaults_bad_value_400_rfc8040_4_8_9(self):
        self.assertError(data("/shop:shop?with-defaults=all"), 400, "invalid-value")

    def test_unknown_parameter_400_rfc8040_4_8(self):
        self.assertError(data("/shop:shop?colour=red"), 400, "invalid-value")

    def test_bad_percent_encoding_400_rfc8040_4_8(self):
        self.assertError(data("/shop:shop?depth=%zz"), 400, "malformed-message")

    def test_repeated_parameter_400_rfc8040_4_8(self):
        self.assertError(data("/shop:shop?depth=1&depth=2"), 400, "invalid-value")

    def test_parameter_not_for_method_400_rfc8040_4_8(self):
        r = curl("PUT", "/data/shop:shop/name?depth=1", json.dumps({"shop:name": "Corner"}),
                 ctype=JSON)
        self.assertError(r, 400, "invalid-value")
        r = data("/shop:shop?insert=first")
        self.assertError(r, 400, "invalid-value")

    def order(self):
        return [c["name"] for c in data("/shop:shop/category").json()["shop:category"]]

    def test_insert_first_rfc8040_4_8_5(self):
        r = curl("POST", "/data/shop:shop?insert=first",
                 json.dumps({"shop:category": [{"name": "bread"}]}), ctype=JSON)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.order()[0], "bread")

    def test_insert_after_point_rfc8040_4_8_6(self):
        r = curl("POST", "/data/shop:shop?insert=after&point=/shop:shop/category=fruit",
                 json.dumps({"shop:category": [{"name": "nuts"}]}), ctype=JSON)
        self.assertEqual(r.status, 201, r.body)
        o = self.order()
        self.assertEqual(o.index("nuts"), o.index("fruit") + 1)

    def test_insert_before_with_put_rfc8040_4_8_6(self):
        r = curl("PUT", "/data/shop:shop/category=tea?insert=before&point=/shop:shop/category=veg",
                 json.dumps({"shop:category": [{"name": "tea"}]}), ctype=JSON)
        self.assertEqual(r.status, 201, r.body)
        o = self.order()
        self.assertEqual(o.index("tea"), o.index("veg") - 1)

    def test_insert_before_needs_point_400_rfc8040_4_8_6(self):
        r = curl("POST", "/data/shop:shop?insert=before",
                 json.dumps({"shop:category": [{"name": "z"}]}), ctype=JSON)
        self.assertError(r, 400, "invalid-value")

    def test_insert_point_missing_entry_rfc8040_4_8_6(self):
        r = curl("POST", "/data/shop:shop?insert=after&point=/shop:shop/category=nope",
                 json.dumps({"shop:category": [{"name": "z2"}]}), ctype=JSON)
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(r.error()["error-app-tag"], "missing-instance")

    def test_insert_on_system_ordered_list_400_rfc8040_4_8_5(self):
        r = curl("POST", "/data/shop:shop?insert=first", json.dumps({"shop:product": [
            {"sku": "I1", "title": "I", "barcode": "306", "price": 1}]}), ctype=JSON)
        self.assertError(r, 400, "invalid-value")


class Locks(RestconfCase):
    def test_edit_refused_while_netconf_holds_lock_rfc8040_1_4(self):
        target = peers.Target("127.0.0.1", TARGET.port, "admin", password=peers.YamanoServer.PASSWORD)
        with nctest.connect(target) as m:
            nctest.assert_ok(nctest.call(m, "<lock><target><running/></target></lock>"))
            sid = m.session_id
            r = curl("PUT", "/data/shop:shop/name", json.dumps({"shop:name": "Locked"}), ctype=JSON)
            self.assertError(r, 409, "lock-denied", "protocol")
            self.assertEqual(r.error()["error-info"]["session-id"], str(sid))
            r = curl("POST", "/data/shop:shop", json.dumps({"shop:category": [{"name": "l"}]}),
                     ctype=JSON)
            self.assertError(r, 409, "lock-denied")
            # reading is not editing
            self.assertEqual(data("/shop:shop/name").status, 200)
            nctest.assert_ok(nctest.call(m, "<unlock><target><running/></target></unlock>"))
        r = curl("PUT", "/data/shop:shop/name", json.dumps({"shop:name": "Corner"}), ctype=JSON)
        self.assertEqual(r.status, 204, r.body)

    def test_candidate_lock_refuses_unified_edit_rfc8040_1_4(self):
        target = peers.Target("127.0.0.1", TARGET.port, "admin", password=peers.YamanoServer.PASSWORD)
        with nctest.connect(target) as m:
            nctest.assert_ok(nctest.call(m, "<lock><target><candidate/></target></lock>"))
            r = curl("PATCH", "/data/shop:shop", json.dumps({"shop:shop": {"name": "C"}}),
                     ctype=JSON)
            self.assertError(r, 409, "lock-denied")
            nctest.assert_ok(nctest.call(m, "<unlock><target><candidate/></target></unlock>"))

    def test_restconf_edit_is_a_commit_seen_by_netconf_rfc8040_1_4(self):
        curl("PUT", "/data/shop:shop/product=N1", json.dumps({"shop:product": [
            {"sku": "N1", "title": "Nectarine", "barcode": "307", "price": 2}]}), ctype=JSON)
        target = peers.Target("127.0.0.1", TARGET.port, "admin", password=peers.YamanoServer.PASSWORD)
        with nctest.connect(target) as m:
            reply = nctest.call(m, f'<get-config><source><running/></source><filter><shop xmlns="{SHOP}">'
                                   '<product><sku>N1</sku></product></shop></filter></get-config>')
            self.assertIn("Nectarine", etree.tostring(reply).decode())


class YangPatch(RestconfCase):
    def patch(self, body, ctype="application/yang-patch+json", path="/data/shop:shop", accept=None):
        return curl("PATCH", path, body, ctype=ctype, accept=accept)

    def test_patch_ok_rfc8072_2_3(self):
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p1", "edit": [
            {"edit-id": "1", "operation": "create", "target": "/product=Y1",
             "value": {"shop:product": [{"sku": "Y1", "title": "Yam", "barcode": "401", "price": 1}]}},
            {"edit-id": "2", "operation": "merge", "target": "/product=A1/stock",
             "value": {"shop:stock": 3}},
            {"edit-id": "3", "operation": "replace", "target": "/name",
             "value": {"shop:name": "Corner"}}]}}))
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.headers["content-type"], JSON)
        st = r.json()["ietf-yang-patch:yang-patch-status"]
        self.assertEqual(st["patch-id"], "p1")
        self.assertIn("ok", st)
        self.assertEqual(data("/shop:shop/product=Y1/title").json()["shop:title"], "Yam")

    def test_patch_is_atomic_and_names_failed_edit_rfc8072_2_3(self):
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p2", "edit": [
            {"edit-id": "good", "operation": "create", "target": "/product=Y2",
             "value": {"shop:product": [{"sku": "Y2", "title": "Y", "barcode": "402", "price": 1}]}},
            {"edit-id": "bad", "operation": "delete", "target": "/product=NOPE"}]}}))
        self.assertEqual(r.status, 409, r.body)
        edit = r.json()["ietf-yang-patch:yang-patch-status"]["edit-status"]["edit"][0]
        self.assertEqual(edit["edit-id"], "bad")
        self.assertEqual(edit["errors"]["error"][0]["error-tag"], "data-missing")
        self.assertEqual(data("/shop:shop/product=Y2").status, 404)

    def test_patch_commit_failure_is_global_rfc8072_2_3(self):
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p3", "edit": [
            {"edit-id": "1", "operation": "merge", "target": "/product=B2",
             "value": {"shop:product": [{"sku": "B2", "discount": 5000}]}}]}}))
        self.assertEqual(r.status, 400, r.body)
        st = r.json()["ietf-yang-patch:yang-patch-status"]
        self.assertEqual(st["errors"]["error"][0]["error-app-tag"], "must-violation")

    def test_patch_xml_rfc8072_2_1(self):
        body = (f'<yang-patch xmlns="{YP}"><patch-id>px</patch-id><edit><edit-id>1</edit-id>'
                f'<operation>replace</operation><target>/product=A1/title</target>'
                f'<value><title xmlns="{SHOP}">Apple XML</title></value></edit></yang-patch>')
        r = self.patch(body, ctype="application/yang-patch+xml", accept=XML)
        self.assertEqual(r.status, 200, r.body)
        x = r.xml()
        self.assertEqual(x.tag, f"{{{YP}}}yang-patch-status")
        self.assertIsNotNone(x.find(f"{{{YP}}}ok"))
        self.assertEqual(data("/shop:shop/product=A1/title").json()["shop:title"], "Apple XML")

    def test_patch_insert_and_move_rfc8072_2_2(self):
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p4", "edit": [
            {"edit-id": "1", "operation": "insert", "target": "/category=aaa", "where": "first",
             "value": {"shop:category": [{"name": "aaa"}]}},
            {"edit-id": "2", "operation": "move", "target": "/category=veg", "where": "before",
             "point": "/category=aaa"}]}}))
        self.assertEqual(r.status, 200, r.body)
        names = [c["name"] for c in data("/shop:shop/category").json()["shop:category"]]
        self.assertEqual(names[:2], ["veg", "aaa"])

    def test_patch_remove_and_missing_value_rfc8072_2_2(self):
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p5", "edit": [
            {"edit-id": "1", "operation": "remove", "target": "/product=GONE"}]}}))
        self.assertEqual(r.status, 200, r.body)
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p6", "edit": [
            {"edit-id": "1", "operation": "create", "target": "/product=V1"}]}}))
        self.assertEqual(r.status, 400, r.body)
        edit = r.json()["ietf-yang-patch:yang-patch-status"]["edit-status"]["edit"][0]
        self.assertEqual(edit["errors"]["error"][0]["error-tag"], "missing-element")

    def test_patch_malformed_400_rfc8072_2_1(self):
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"edit": []}}))
        self.assertError(r, 400, "malformed-message")
        r = self.patch(json.dumps({"ietf-yang-patch:yang-patch": {"patch-id": "p", "edit": [
            {"edit-id": "1", "operation": "frobnicate", "target": "/name"}]}}))
        self.assertError(r, 400, "malformed-message")


class Nmda(RestconfCase):
    def test_running_rfc8527_3_1(self):
        r = curl("GET", "/ds/ietf-datastores:running/shop:shop/name")
        self.assertEqual(r.status, 200)
        self.assertIn("shop:name", r.json())

    def test_operational_reports_defaults_rfc8527_3_2(self):
        r = curl("GET", "/ds/ietf-datastores:operational/shop:shop")
        self.assertEqual(r.json()["shop:shop"]["currency"], "EUR")
        r = curl("GET", "/ds/ietf-datastores:operational/ietf-restconf-monitoring:restconf-state")
        self.assertEqual(r.status, 200)

    def test_operational_is_read_only_rfc8527_3_2(self):
        r = curl("PUT", "/ds/ietf-datastores:operational/shop:shop/name",
                 json.dumps({"shop:name": "x"}), ctype=JSON)
        self.assertEqual(r.status, 405)

    def test_candidate_edit_then_netconf_commit_rfc8527_3_1(self):
        r = curl("PUT", "/ds/ietf-datastores:candidate/shop:shop/product=C1",
                 json.dumps({"shop:product": [{"sku": "C1", "title": "Cand", "barcode": "501",
                                               "price": 5}]}), ctype=JSON)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(curl("GET", "/ds/ietf-datastores:candidate/shop:shop/product=C1").status, 200)
        self.assertEqual(curl("GET", "/ds/ietf-datastores:running/shop:shop/product=C1").status, 404)
        target = peers.Target("127.0.0.1", TARGET.port, "admin", password=peers.YamanoServer.PASSWORD)
        with nctest.connect(target) as m:
            nctest.assert_ok(nctest.call(m, "<commit/>"))
        self.assertEqual(curl("GET", "/ds/ietf-datastores:running/shop:shop/product=C1").status, 200)

    def test_unknown_datastore_404_rfc8527_3_1(self):
        self.assertError(curl("GET", "/ds/ietf-datastores:intended"), 404, "invalid-value")
        self.assertError(curl("GET", "/ds/nonsense"), 404, "invalid-value")


class Operations(RestconfCase):
    def test_operations_resource_rfc8040_3_3_2(self):
        r = curl("GET", "/operations")
        ops = r.json()["ietf-restconf:operations"]
        self.assertEqual(ops["restconf-test:reboot"], [None])
        x = curl("GET", "/operations", accept=XML).xml()
        self.assertIsNotNone(x.find("{urn:example:restconf-test}reboot"))
        self.assertEqual(curl("GET", "/operations/restconf-test:reboot").status, 200)

    def test_rpc_without_provider_501_rfc8040_4_4_2(self):
        r = curl("POST", "/operations/restconf-test:reboot",
                 json.dumps({"restconf-test:input": {"delay": 5}}), ctype=JSON)
        self.assertError(r, 501, "operation-not-supported")

    def test_unknown_rpc_404_rfc8040_3_6(self):
        self.assertError(curl("POST", "/operations/restconf-test:nothing", "", ctype=JSON), 404,
                         "invalid-value")

    def test_rpc_bad_input_400_rfc8040_3_6_1(self):
        r = curl("POST", "/operations/restconf-test:reboot",
                 json.dumps({"restconf-test:input": {"delay": "soon"}}), ctype=JSON)
        self.assertError(r, 400, "invalid-value")
        r = curl("POST", "/operations/restconf-test:reboot",
                 json.dumps({"restconf-test:output": {}}), ctype=JSON)
        self.assertEqual(r.status, 400)

    def test_action_on_missing_instance_409_rfc8040_3_6(self):
        r = curl("POST", "/data/restconf-test:devices/device=ghost/restart",
                 json.dumps({"restconf-test:input": {"mode": "soft"}}), ctype=JSON)
        self.assertError(r, 409, "data-missing", path="/restconf-test:devices/device[name='ghost']")

    def test_action_without_provider_501_rfc8040_3_6(self):
        curl("PUT", "/data/restconf-test:devices/device=d1",
             json.dumps({"restconf-test:device": [{"name": "d1"}]}), ctype=JSON)
        r = curl("POST", "/data/restconf-test:devices/device=d1/restart",
                 json.dumps({"restconf-test:input": {"mode": "hard"}}), ctype=JSON)
        self.assertError(r, 501, "operation-not-supported")
        self.assertEqual(curl("GET", "/data/restconf-test:devices/device=d1/restart").status, 405)


class Streams(RestconfCase):
    def stream(self, query, encoding="json", timeout=5):
        return curl("GET", f"/streams/NETCONF/{encoding}{query}", accept="text/event-stream",
                    timeout=timeout)

    def events(self, body):
        out, current = [], []
        for line in body.splitlines():
            if line.startswith("data: "):
                current.append(line[6:])
            elif line == "" and current:
                out.append("\n".join(current))
                current = []
        return out

    def test_replay_json_ends_at_stop_time_rfc8040_6_4(self):
        start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600))
        curl("PUT", "/data/shop:shop/product=S1", json.dumps({"shop:product": [
            {"sku": "S1", "title": "Sse", "barcode": "601", "price": 1}]}), ctype=JSON)
        time.sleep(0.5)
        stop = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 1))
        r = self.stream(f"?start-time={start}&stop-time={stop}", timeout=15)
        self.assertEqual(r.status, 200)
        self.assertTrue(r.headers["content-type"].startswith("text/event-stream"))
        events = [json.loads(e)["ietf-restconf:notification"] for e in self.events(r.body)]
        changes = [e["ietf-netconf-notifications:netconf-config-change"] for e in events
                   if "ietf-netconf-notifications:netconf-config-change" in e]
        self.assertTrue(any("/shop:shop/product[sku='S1']" in ed.get("target", "")
                            for c in changes for ed in c["edit"]), changes)
        self.assertTrue(all("eventTime" in e for e in events))

    def test_replay_xml_with_filter_rfc8040_4_8_4(self):
        start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600))
        # a NETCONF session of our own, so that a session-start event is in the replay log
        target = peers.Target("127.0.0.1", TARGET.port, "admin", password=peers.YamanoServer.PASSWORD)
        with nctest.connect(target):
            pass
        stop = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 1))
        flt = urllib.parse.quote("/ietf-netconf-notifications:netconf-session-start")
        r = self.stream(f"?start-time={start}&stop-time={stop}&filter={flt}", "xml", timeout=15)
        events = self.events(r.body)
        self.assertTrue(events, r.body)
        for e in events:
            x = etree.fromstring(e.encode())
            self.assertEqual(x.tag, "{urn:ietf:params:xml:ns:netconf:notification:1.0}notification")
            self.assertIsNotNone(x.find(
                "{urn:ietf:params:xml:ns:yang:ietf-netconf-notifications}netconf-session-start"))

    def test_bad_filter_400_rfc8040_4_8_4(self):
        self.assertError(self.stream("?filter=%2F%2F%5B"), 400, "invalid-value")

    def test_stop_time_needs_start_time_400_rfc8040_4_8_8(self):
        self.assertError(self.stream("?stop-time=2030-01-01T00:00:00Z"), 400, "invalid-value")

    def test_start_time_in_future_400_rfc8040_4_8_7(self):
        self.assertError(self.stream("?start-time=2999-01-01T00:00:00Z"), 400, "invalid-value")

    def test_unknown_stream_404_rfc8040_6_3(self):
        self.assertEqual(self.stream("", encoding="yaml").status, 404)


class OpenApi(RestconfCase):
    def test_openapi_describes_modules(self):
        r = curl("GET", "/openapi.json", base="")
        self.assertEqual(r.status, 200)
        doc = r.json()
        self.assertTrue(doc["openapi"].startswith("3."))
        self.assertIn("/data/shop:shop", doc["paths"])
        self.assertIn("/data/shop:shop/product={product-sku}", doc["paths"])
        self.assertIn("/operations/restconf-test:reboot", doc["paths"])
        self.assertIn("/data/restconf-test:devices/device={device-name}/restconf-test:restart",
                      doc["paths"])
        self.assertIn("put", doc["paths"]["/data/shop:shop"])
        self.assertNotIn("put", doc["paths"]["/data/ietf-restconf-monitoring:restconf-state"])


if __name__ == "__main__":
    unittest.main()


def nacm_rule(name, ops, action, **match):
    """One ietf-netconf-acm rule (RFC 8341 §3.2.5); match: path, module-name, rpc-name, ..."""
    return dict({"name": name, "access-operations": ops, "action": action},
                **{k.replace("_", "-"): v for k, v in match.items()})


class AccessControl(RestconfCase):
    """RFC 8341 over RESTCONF: the admin configures users and NACM rules through RESTCONF itself,
    then erin (group rc-editors), frank (group rc-readers) and gina (no group: the defaults) act.
    Each rule kind and each access operation is shown allowing and denying."""

    PASSWORD = "nacm-rc-pw"

    @classmethod
    def setUpClass(cls):
        from test_nacm import pbkdf2
        users = [{"name": u, "password": pbkdf2(cls.PASSWORD)} for u in ("erin", "frank", "gina")]
        r = curl("PATCH", "/data/yamano-aaa:aaa", json.dumps({"yamano-aaa:aaa": {"user": users}}),
                 ctype=JSON)
        assert r.status == 204, r.body
        products = "/shop:shop/shop:product"
        nacm = {"ietf-netconf-acm:nacm": {
            "groups": {"group": [{"name": "rc-editors", "user-name": ["erin"]},
                                 {"name": "rc-readers", "user-name": ["frank"]}]},
            "rule-list": [
                {"name": "rc-editors", "group": ["rc-editors"], "rule": [
                    nacm_rule("hide-b2", "read", "deny", path=f"{products}[shop:sku='B2']"),
                    nacm_rule("hide-currency", "read", "deny", path="/shop:shop/shop:currency"),
                    nacm_rule("keep-products", "delete", "deny", path=products),
                    nacm_rule("add-products", "create", "permit", path=products),
                    nacm_rule("retitle", "update", "permit", path=f"{products}/shop:title"),
                    nacm_rule("categories", "create delete", "permit",
                              path="/shop:shop/shop:category"),
                    nacm_rule("devices", "create update delete", "permit",
                              module_name="restconf-test")]},
                {"name": "rc-readers", "group": ["rc-readers"], "rule": [
                    nacm_rule("no-shop", "*", "deny", module_name="shop"),
                    nacm_rule("no-reboot", "exec", "deny", module_name="restconf-test",
                              rpc_name="reboot"),
                    nacm_rule("no-restart", "exec", "deny",
                              path="/restconf-test:devices/restconf-test:device/"
                                   "restconf-test:restart"),
                    nacm_rule("no-change-events", "read", "deny",
                              module_name="ietf-netconf-notifications",
                              notification_name="netconf-config-change")]}]}}
        r = curl("PATCH", "/data/ietf-netconf-acm:nacm", json.dumps(nacm), ctype=JSON)
        assert r.status == 204, r.body
        for path, body in (
                ("/data/shop:shop/product=N0", {"shop:product": [
                    {"sku": "N0", "title": "Nacm", "barcode": "900", "price": 7}]}),
                ("/data/shop:shop/category=nacm-old", {"shop:category": [{"name": "nacm-old"}]}),
                ("/data/restconf-test:devices/device=nacm-d", {"restconf-test:device": [
                    {"name": "nacm-d"}]})):
            r = curl("PUT", path, json.dumps(body), ctype=JSON)
            assert r.status in (201, 204), r.body

    def as_user(self, user, method, path, body=None, **kw):
        return curl(method, path, None if body is None else json.dumps(body),
                    ctype=JSON if body is not None else None, user=user,
                    password=self.PASSWORD, **kw)

    def skus(self, user, path="/data/shop:shop"):
        r = curl("GET", path) if user == "admin" else self.as_user(user, "GET", path)
        self.assertEqual(r.status, 200, r.body)
        return [p["sku"] for p in r.json()["shop:shop"].get("product", [])]

    # ---- path rules and the read operation (§3.4.5)

    def test_path_rule_read_permit_and_deny_rfc8341_3_4_5(self):
        """A read deny on one list entry prunes it from a larger read; the entry itself is refused
        with 403 access-denied and its path (RFC 8040 §4), a sibling entry is readable."""
        skus = self.skus("erin")
        self.assertIn("A1", skus)
        self.assertNotIn("B2", skus)
        self.assertEqual(self.as_user("erin", "GET", "/data/shop:shop/product=A1").status, 200)
        r = self.as_user("erin", "GET", "/data/shop:shop/product=B2")
        self.assertError(r, 403, "access-denied", path="/shop:shop/product[sku='B2']")
        # a denied node is refused whether or not it exists: 403 does not reveal existence
        self.assertEqual(self.as_user("erin", "GET", "/data/shop:shop/currency").status, 403)

    def test_read_pruned_in_nmda_datastores_rfc8341_3_4_5_rfc8527(self):
        """RFC 8527 datastores are pruned the same way: running and operational."""
        self.assertNotIn("B2", self.skus("erin", "/ds/ietf-datastores:running/shop:shop"))
        self.assertNotIn("B2", self.skus("erin", "/ds/ietf-datastores:operational/shop:shop"))
        self.assertIn("B2", self.skus("admin", "/ds/ietf-datastores:operational/shop:shop"))
        r = self.as_user("erin", "GET", "/ds/ietf-datastores:running/shop:shop/product=B2")
        self.assertError(r, 403, "access-denied")

    def test_defaults_of_denied_nodes_not_reported_rfc8341_3_4_5_rfc6243(self):
        """with-defaults=report-all adds defaults only where the user may read."""
        r = self.as_user("erin", "GET", "/data/shop:shop?with-defaults=report-all")
        shop_ = r.json()["shop:shop"]
        self.assertNotIn("currency", shop_)
        self.assertEqual(shop_["max-items"], 100)
        r = self.as_user("gina", "GET", "/data/shop:shop?with-defaults=report-all")
        self.assertEqual(r.json()["shop:shop"]["currency"], "EUR")

    # ---- module-name rules

    def test_module_rule_read_deny_rfc8341_3_4_5(self):
        """frank's module-name deny hides the whole shop module; other modules stay readable."""
        r = self.as_user("frank", "GET", "/data/shop:shop")
        self.assertError(r, 403, "access-denied", path="/shop:shop")
        r = self.as_user("frank", "GET", "/data")
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn("shop:shop", r.json()["ietf-restconf:data"])
        self.assertIn("yamano-aaa:aaa", r.json()["ietf-restconf:data"])

    def test_module_rule_write_permit_rfc8341_3_4_5(self):
        """erin's module-name permit allows writes in restconf-test; frank (no rule) may not."""
        body = {"restconf-test:device": [{"name": "erin-dev"}]}
        r = self.as_user("erin", "PUT", "/data/restconf-test:devices/device=erin-dev", body)
        self.assertIn(r.status, (201, 204), r.body)
        body = {"restconf-test:device": [{"name": "frank-dev"}]}
        r = self.as_user("frank", "PUT", "/data/restconf-test:devices/device=frank-dev", body)
        self.assertError(r, 403, "access-denied")

    # ---- create, update, delete (§3.4.5)

    def test_create_permit_and_deny_rfc8341_3_4_5(self):
        r = self.as_user("erin", "POST", "/data/shop:shop", {"shop:product": [
            {"sku": "E1", "title": "Erin", "barcode": "901"}]})
        self.assertEqual(r.status, 201, r.body)
        r = self.as_user("erin", "POST", "/data/shop:shop", {"shop:max-items": 5})
        self.assertError(r, 403, "access-denied", error_type="application",
                         path="/shop:shop/max-items")

    def test_update_permit_and_deny_rfc8341_3_4_5(self):
        r = self.as_user("erin", "PATCH", "/data/shop:shop/product=N0",
                         {"shop:product": [{"sku": "N0", "title": "Renamed"}]})
        self.assertEqual(r.status, 204, r.body)
        r = self.as_user("erin", "PATCH", "/data/shop:shop/product=N0",
                         {"shop:product": [{"sku": "N0", "price": 8}]})
        self.assertError(r, 403, "access-denied", path="/shop:shop/product[sku='N0']/price")
        self.assertEqual(data("/shop:shop/product=N0/price").json()["shop:price"], 7)

    def test_delete_permit_and_deny_rfc8341_3_4_5(self):
        r = self.as_user("erin", "DELETE", "/data/shop:shop/category=nacm-old")
        self.assertEqual(r.status, 204, r.body)
        r = self.as_user("erin", "DELETE", "/data/shop:shop/product=N0")
        self.assertError(r, 403, "access-denied", path="/shop:shop/product[sku='N0']")
        self.assertEqual(data("/shop:shop/product=N0").status, 200)

    def test_yang_patch_denied_edit_rfc8341_3_4_5_rfc8072(self):
        """A YANG Patch with a denied edit is refused as a whole."""
        patch = {"ietf-yang-patch:yang-patch": {"patch-id": "nacm", "edit": [
            {"edit-id": "1", "operation": "merge", "target": "/name",
             "value": {"shop:name": "Patched"}}]}}
        r = curl("PATCH", "/data/shop:shop", json.dumps(patch),
                 ctype="application/yang-patch+json", user="erin", password=self.PASSWORD)
        self.assertIn(r.status, (400, 403, 409), r.body)
        self.assertIn("access-denied", r.body)

    # ---- rpc and action rules, exec (§3.4.4, §3.4.5)

    def test_rpc_rule_exec_deny_rfc8341_3_4_4(self):
        """frank's rpc-name deny: 403; gina (exec-default permit) reaches the rpc, which has no
        provider here (501)."""
        body = {"restconf-test:input": {"delay": 1}}
        r = self.as_user("frank", "POST", "/operations/restconf-test:reboot", body)
        self.assertError(r, 403, "access-denied", error_type="protocol")
        r = self.as_user("gina", "POST", "/operations/restconf-test:reboot", body)
        self.assertError(r, 501, "operation-not-supported")

    def test_action_rule_exec_deny_rfc8341_3_4_5(self):
        """A path rule naming an action denies exec of it; gina is permitted (501: no provider)."""
        body = {"restconf-test:input": {"mode": "soft"}}
        path = "/data/restconf-test:devices/device=nacm-d/restart"
        self.assertError(self.as_user("frank", "POST", path, body), 403, "access-denied")
        self.assertError(self.as_user("gina", "POST", path, body), 501, "operation-not-supported")

    # ---- default policies and default-deny-all (§3.4.4, §3.4.5, §3.2.1)

    def test_default_policies_rfc8341_3_4_5(self):
        """gina matches no rule: read-default permit, write-default deny."""
        r = self.as_user("gina", "GET", "/data/shop:shop/name")
        self.assertEqual(r.status, 200, r.body)
        r = self.as_user("gina", "PATCH", "/data/shop:shop", {"shop:shop": {"name": "Ginas"}})
        self.assertError(r, 403, "access-denied", path="/shop:shop/name")

    def test_default_deny_all_rfc8341_3_4_5(self):
        """Nodes marked nacm:default-deny-all (a password, /nacm) are denied without a rule."""
        r = self.as_user("gina", "GET", "/data/yamano-aaa:aaa/user=gina")
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn("password", r.json()["yamano-aaa:user"][0])
        r = self.as_user("gina", "GET", "/data/yamano-aaa:aaa/user=gina/password")
        self.assertError(r, 403, "access-denied")
        self.assertEqual(self.as_user("gina", "GET", "/data/ietf-netconf-acm:nacm").status, 403)
        r = data("/yamano-aaa:aaa/user=gina/password")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(data("/ietf-netconf-acm:nacm").status, 200)

    # ---- notification rules on event streams (§3.4.6)

    def test_notification_rule_on_event_stream_rfc8341_3_4_6(self):
        """frank's notification-name deny keeps netconf-config-change out of his SSE stream;
        gina receives it."""
        start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600))
        stop = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 1))
        seen = {}
        for user in ("frank", "gina"):
            r = curl("GET", f"/streams/NETCONF/json?start-time={start}&stop-time={stop}",
                     accept="text/event-stream", user=user, password=self.PASSWORD, timeout=15)
            self.assertEqual(r.status, 200, r.body)
            seen[user] = r.body
        self.assertIn("ietf-netconf-notifications:netconf-config-change", seen["gina"])
        self.assertNotIn("netconf-config-change", seen["frank"])

    def test_entity_tag_of_pruned_resource_matches_rfc8341_3_4_5_rfc8040_3_5_2(self):
        """The entity-tag a restricted user reads covers what they read (not the admin's), and it
        is the one their If-Match is compared with."""
        etag = self.as_user("erin", "GET", "/data/shop:shop").headers["etag"]
        self.assertNotEqual(etag, data("/shop:shop").headers["etag"])
        body = {"shop:shop": {"product": [{"sku": "N0", "title": "Tagged"}]}}
        r = self.as_user("erin", "PATCH", "/data/shop:shop", body, headers=(f"If-Match: {etag}",))
        self.assertEqual(r.status, 204, r.body)
        r = self.as_user("erin", "PATCH", "/data/shop:shop", body, headers=(f"If-Match: {etag}",))
        self.assertEqual(r.status, 412, r.body)
