"""Shared fixture and assertions for the NETCONF conformance tests (ncclient + unittest).

Each test class gets its own server (started in setUpClass, stopped in tearDownClass), so classes
can run in parallel. The server is Yamano by default; CONFORMANCE_SERVER=netconfd runs the same suite
against Debian's netconfd (to check the suite itself against a second implementation).
"""

import os
import re
import unittest

import ncclient.transport.ssh
from lxml import etree
from ncclient import manager
from ncclient.operations import RaiseMode
from ncclient.xml_ import to_ele

import peers

# ncclient wakes up every TICK seconds to look for replies; 0.1 s would dominate every test.
ncclient.transport.ssh.TICK = 0.005

NC = "urn:ietf:params:xml:ns:netconf:base:1.0"
SHOP = "urn:example:shop"
YANG = "urn:ietf:params:xml:ns:yang:1"
WD = "urn:ietf:params:xml:ns:netconf:default:1.0"
WD_ATTR = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults"
MON = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"
YANGLIB = "urn:ietf:params:xml:ns:yang:ietf-yang-library"
NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda"
DS = "urn:ietf:params:xml:ns:yang:ietf-datastores"
NS = {"nc": NC, "shop": SHOP, "mon": MON, "yanglib": YANGLIB, "ncds": NMDA, "ds": DS,
      "wd": WD_ATTR}

BASELINE = f"""<config xmlns="{NC}"><shop xmlns="{SHOP}">
  <name>Corner</name>
  <product><sku>A1</sku><title>Apple</title><barcode>111</barcode><price>100</price>
    <stock>5</stock></product>
  <product><sku>B2</sku><title>Banana</title><barcode>222</barcode><price>50</price></product>
  <category><name>fruit</name></category>
  <category><name>veg</name></category>
  <order><id>1</id><sku>A1</sku><quantity>2</quantity></order>
</shop></config>"""


def server_fixture():
    if os.environ.get("CONFORMANCE_SERVER") == "netconfd":
        return peers.NetconfdServer([peers.YANG_DIR / "shop.yang"], target="candidate")
    return peers.YamanoServer(models=[peers.YANG_DIR])


def connect(target, timeout=30):
    kwargs = dict(host=target.host, port=target.port, username=target.user,
                  hostkey_verify=False, allow_agent=False, look_for_keys=False, timeout=timeout)
    if target.key_file:
        kwargs["key_filename"] = target.key_file
    else:
        kwargs["password"] = target.password
    m = manager.connect(**kwargs)
    m.raise_mode = RaiseMode.NONE
    return m


def shop(inner, attrs=""):
    return f'<shop xmlns="{SHOP}"{attrs}>{inner}</shop>'


def config(inner):
    return f'<config xmlns="{NC}" xmlns:nc="{NC}" xmlns:yang="{YANG}">{inner}</config>'


def quote_norm(path):
    return re.sub(r'"([^"]*)"', r"'\1'", path)


def canonical_path(path, nsmap):
    """Replaces every prefix in an instance path with {namespace}, so that any prefix the server
    chose compares equal as long as it is bound to the right namespace (XPath in XML, RFC 6241 §4.3
    error-path: prefixes are resolved in the scope of the error-path element)."""
    path = quote_norm(path.strip())

    def sub(m):
        prefix = m.group(1)
        if prefix not in nsmap:
            raise AssertionError(f"prefix {prefix!r} of error-path {path!r} is not bound "
                                 f"(in scope: {nsmap})")
        return "{" + nsmap[prefix] + "}"

    # a prefix is a name followed by ':' that is not inside a quoted literal
    out, pos = [], 0
    for lit in re.finditer(r"'[^']*'", path):
        out.append(re.sub(r"([A-Za-z_][\w.-]*):(?=[A-Za-z_])", sub, path[pos:lit.start()]))
        out.append(lit.group(0))
        pos = lit.end()
    out.append(re.sub(r"([A-Za-z_][\w.-]*):(?=[A-Za-z_])", sub, path[pos:]))
    return "".join(out)


class RpcError:
    def __init__(self, el):
        self.el = el

        def text(name):
            found = el.find(f"{{{NC}}}{name}")
            return None if found is None or found.text is None else found.text.strip()

        self.type = text("error-type")
        self.tag = text("error-tag")
        self.severity = text("error-severity")
        self.app_tag = text("error-app-tag")
        self.message = text("error-message")
        self.path_el = el.find(f"{{{NC}}}error-path")
        self.path = text("error-path")
        self.info = el.find(f"{{{NC}}}error-info")

    def info_values(self, local_name):
        if self.info is None:
            return []
        return [(c.text or "").strip() for c in self.info.iter()
                if isinstance(c.tag, str) and etree.QName(c).localname == local_name]

    def __repr__(self):
        return etree.tostring(self.el, pretty_print=True).decode()


class ConformanceCase(unittest.TestCase):
    """A test class with its own server; `self.m` is a fresh ncclient session per test."""

    server = None
    target = None
    load_baseline = True

    @classmethod
    def setUpClass(cls):
        cls.server = server_fixture()
        cls.target = cls.server.__enter__()
        try:
            if cls.load_baseline:
                with connect(cls.target) as m:
                    reply = call(m, f"<edit-config><target><candidate/></target>{BASELINE}"
                                    "</edit-config>")
                    assert_ok(reply)
                    assert_ok(call(m, "<commit/>"))
        except BaseException:
            cls.server.__exit__(None, None, None)
            raise

    @classmethod
    def tearDownClass(cls):
        if cls.server is not None:
            cls.server.__exit__(None, None, None)

    def setUp(self):
        self.m = self.session()
        self.m.discard_changes()

    def session(self):
        m = connect(self.target)
        self.addCleanup(_close_quietly, m)
        return m

    # --- helpers ---

    def get_config(self, source="running", filter_xml=None, m=None, extra=""):
        flt = f'<filter type="subtree">{filter_xml}</filter>' if filter_xml is not None else ""
        reply = call(m or self.m,
                     f"<get-config><source><{source}/></source>{flt}{extra}</get-config>")
        return data_of(reply)

    def edit(self, inner, target="candidate", m=None, options=""):
        return call(m or self.m,
                    f"<edit-config><target><{target}/></target>{options}{config(inner)}"
                    "</edit-config>")

    def assert_error(self, reply, error_type, tag, app_tag=None, path=None, info=None,
                     severity="error"):
        """Asserts that the reply holds exactly one <rpc-error> with these fields (RFC 6241 §4.3)."""
        errs = errors_of(reply)
        self.assertEqual(1, len(errs), "expected one rpc-error, got:\n" + _text(reply))
        err = errs[0]
        self.assertEqual(error_type, err.type, repr(err))
        self.assertEqual(tag, err.tag, repr(err))
        self.assertEqual(severity, err.severity, repr(err))
        if app_tag is not None:
            self.assertEqual(app_tag, err.app_tag, repr(err))
        if path is not None:
            self.assertIsNotNone(err.path_el, "no error-path in\n" + repr(err))
            self.assertEqual(canonical_path(path, NS), canonical_path(err.path, err.path_el.nsmap),
                             repr(err))
        for name, value in (info or {}).items():
            self.assertIn(value, err.info_values(name), repr(err))
        return err

    def assert_path_canon(self, expected, text_el):
        self.assertEqual(canonical_path(expected, NS), canonical_path(text_el.text, text_el.nsmap))


def _close_quietly(m):
    try:
        if m.connected:
            m.close_session()
    except Exception:
        pass


def call(m, xml):
    """Sends an operation (XML text) and returns the <rpc-reply> as an lxml element."""
    xml = re.sub(r"^<([\w-]+)(?![^>]*\sxmlns=)", r'<\1 xmlns="%s"' % NC, xml.lstrip(), count=1)
    reply = m.dispatch(to_ele(xml))
    return etree.fromstring(reply.xml.encode("utf-8"))


def _text(el):
    return etree.tostring(el, pretty_print=True).decode()


def errors_of(reply):
    return [RpcError(e) for e in reply.findall(f"{{{NC}}}rpc-error")]


def assert_ok(reply):
    if reply.find(f"{{{NC}}}ok") is None or reply.find(f"{{{NC}}}rpc-error") is not None:
        raise AssertionError("expected <ok/>, got:\n" + _text(reply))


def data_of(reply):
    d = reply.find(f"{{{NC}}}data")
    if d is None:
        raise AssertionError("expected <data>, got:\n" + _text(reply))
    return d


def xp(el, expr):
    return el.xpath(expr, namespaces=NS)


def texts(el, expr):
    return [(x.text or "").strip() if hasattr(x, "text") else str(x) for x in xp(el, expr)]
