"""The NS lifecycle over NETCONF, end to end on the embedded resource-less VIM: onboard a VNFD and an
NSD, create an NS instance, then scale, heal, update and terminate it with the yamano-ns YANG 1.1
actions (RFC 7950 §7.15.2), following each LCM operation occurrence in operational state and in
lcm-operation-state-change notifications (RFC 5277)."""

import os
import time
import unittest

from lxml import etree

from nctest import NC, ConformanceCase, assert_ok, call, data_of, errors_of

YNS = "urn:yamano:params:xml:ns:yang:yamano-ns"
NFV = "urn:yamano:params:xml:ns:yang:yamano-nfv"
VIM = "urn:yamano:params:xml:ns:yang:yamano-vim"
YANG1 = "urn:ietf:params:xml:ns:yang:1"
NOTIF = "urn:ietf:params:xml:ns:netconf:notification:1.0"
L = {"ns": YNS, "nfv": NFV, "vim": VIM, "nc": NC}


def vnfd(vnfd_id, version):
    return f"""<vnfd><id>{vnfd_id}</id><provider>Conformance</provider>
  <product-name>Edge router</product-name><software-version>{version}</software-version>
  <version>{version}</version><vnfm-info>yamano</vnfm-info>
  <vdu><id>router</id><name>router VM</name>
    <int-cpd><id>eth0</id><layer-protocol>ethernet</layer-protocol></int-cpd>
    <virtual-compute-desc>small</virtual-compute-desc>
    <sw-image-desc>router-image</sw-image-desc></vdu>
  <virtual-compute-desc><id>small</id><virtual-memory><size>1.0</size></virtual-memory>
    <virtual-cpu><num-virtual-cpu>1</num-virtual-cpu></virtual-cpu></virtual-compute-desc>
  <sw-image-desc><id>router-image</id><name>router</name><version>{version}</version>
    <checksum><algorithm>sha-256</algorithm>
      <hash>0000000000000000000000000000000000000000000000000000000000000000</hash></checksum>
    <container-format>bare</container-format><disk-format>qcow2</disk-format>
    <min-disk>1</min-disk><min-ram>1.0</min-ram><size>1</size>
    <image>router-{version}.qcow2</image></sw-image-desc>
  <ext-cpd><id>wan</id><int-cpd><vdu-id>router</vdu-id><cpd>eth0</cpd></int-cpd>
    <layer-protocol>ethernet</layer-protocol></ext-cpd>
  <df><id>default</id>
    <vdu-profile><id>router</id><min-number-of-instances>1</min-number-of-instances>
      <max-number-of-instances>3</max-number-of-instances></vdu-profile>
    <instantiation-level><id>one</id><vdu-level><vdu-id>router</vdu-id>
      <number-of-instances>1</number-of-instances></vdu-level></instantiation-level>
    <default-instantiation-level>one</default-instantiation-level>
    <lcm-operations-configuration>
      <create-snapshot-vnf-op-config><parameter><key>quiesce</key><value>true</value>
        </parameter></create-snapshot-vnf-op-config>
      <revert-to-snapshot-vnf-op-config><parameter><key>restart</key><value>true</value>
        </parameter></revert-to-snapshot-vnf-op-config>
    </lcm-operations-configuration>
    <scaling-aspect><id>routing</id><max-scale-level>2</max-scale-level>
      <aspect-delta-details><deltas><id>plus-one</id><vdu-delta><id>router</id>
        <number-of-instances>1</number-of-instances></vdu-delta></deltas>
      </aspect-delta-details></scaling-aspect>
  </df></vnfd>"""


CATALOG = f"""<nfv xmlns="{NFV}">{vnfd("edge", "1.0")}{vnfd("edge-v2", "2.0")}
<nsd><id>edge-ns</id><designer>Conformance</designer><version>1.0</version><name>Edge</name>
  <vnfd-id>edge</vnfd-id>
  <df><id>default</id>
    <vnf-profile><id>edge</id><vnfd-id>edge</vnfd-id><flavour-id>default</flavour-id>
      <instantiation-level>one</instantiation-level>
      <min-number-of-instances>1</min-number-of-instances>
      <max-number-of-instances>1</max-number-of-instances></vnf-profile>
    <ns-instantiation-level><id>default</id><vnf-to-level-mapping>
      <vnf-profile-id>edge</vnf-profile-id><number-of-instances>1</number-of-instances>
    </vnf-to-level-mapping></ns-instantiation-level>
    <default-instantiation-level>default</default-instantiation-level>
  </df></nsd></nfv>"""


def action(name, inner="", ns="e2e"):
    return (f'<action xmlns="{YANG1}"><ns-instances xmlns="{YNS}"><ns-instance><name>{ns}</name>'
            f"<{name}>{inner}</{name}></ns-instance></ns-instances></action>")


class LifecycleTests(ConformanceCase):
    load_baseline = False

    def setUp(self):
        super().setUp()
        self.events = self.session()
        assert_ok(call(self.events,
                       f'<create-subscription xmlns="{NOTIF}"><filter type="subtree">'
                       f'<lcm-operation-state-change xmlns="{YNS}"/></filter>'
                       "</create-subscription>"))

    def state(self, ns="e2e"):
        reply = call(self.m, f'<get><filter type="subtree"><ns-instances xmlns="{YNS}">'
                             f"<ns-instance><name>{ns}</name><state/></ns-instance>"
                             "</ns-instances></filter></get>")
        found = data_of(reply).find(f"{{{YNS}}}ns-instances/{{{YNS}}}ns-instance/{{{YNS}}}state")
        return found

    def wait_operation(self, op_id, ns="e2e", timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            st = self.state(ns)
            if st is not None:
                for op in st.findall(f"{{{YNS}}}lcm-operation"):
                    if op.findtext(f"{{{YNS}}}id") == op_id:
                        value = op.findtext(f"{{{YNS}}}state")
                        if value != "processing":
                            return op, st
            time.sleep(0.05)
        self.fail(f"operation {op_id} did not end within {timeout} s")

    def invoke(self, name, inner=""):
        reply = call(self.m, action(name, inner))
        self.assertEqual([], [repr(e) for e in errors_of(reply)])
        op_id = reply.findtext(f"{{{YNS}}}lcm-operation-id")
        self.assertTrue(op_id, etree.tostring(reply).decode())
        op, st = self.wait_operation(op_id)
        self.assertEqual("completed", op.findtext(f"{{{YNS}}}state"),
                         etree.tostring(op).decode())
        self.assertEqual(name if name != "instantiate" else "instantiate",
                         op.findtext(f"{{{YNS}}}operation"))
        self.seen_ops.append(op_id)
        return op_id, st

    def vdus(self, st):
        return st.findall(f"{{{YNS}}}vnf-instance/{{{YNS}}}vdu-instance")

    def notifications_for(self, op_ids, timeout=30):
        """Collects lcm-operation-state-change notifications until each id was seen processing and
        completed."""
        want = {i: set() for i in op_ids}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(
                not {"processing", "completed"} <= s for s in want.values()):
            n = self.events.take_notification(block=True, timeout=1)
            if n is None:
                continue
            el = etree.fromstring(n.notification_xml.encode())
            change = el.find(f"{{{YNS}}}lcm-operation-state-change")
            if change is None:
                continue
            op = change.findtext(f"{{{YNS}}}lcm-operation-id")
            if op in want:
                want[op].add(change.findtext(f"{{{YNS}}}state"))
        return want

    def test_rfc7950_7_15_full_lifecycle_with_notifications(self):
        """Onboard, instantiate by configuration, scale out and in, heal an injected failure,
        update the VNF package, terminate: every step an LCM operation that completes, seen in
        operational state and in notifications."""
        self.seen_ops = []
        assert_ok(call(self.m, f"<edit-config><target><candidate/></target>"
                               f'<config xmlns="{NC}">{CATALOG}</config></edit-config>'))
        assert_ok(call(self.m, "<commit/>"))

        # instantiate by configuration: creating the ns-instance is the request
        assert_ok(call(self.m, f"<edit-config><target><candidate/></target>"
                               f'<config xmlns="{NC}"><ns-instances xmlns="{YNS}"><ns-instance>'
                               "<name>e2e</name><nsd-ref>edge-ns</nsd-ref>"
                               "<flavour>default</flavour><vim-account>lab</vim-account>"
                               "</ns-instance></ns-instances></config></edit-config>"))
        assert_ok(call(self.m, "<commit/>"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            st = self.state()
            if st is not None and st.findtext(f"{{{YNS}}}status") == "instantiated":
                break
            time.sleep(0.05)
        self.assertEqual("instantiated", st.findtext(f"{{{YNS}}}status"))
        [first] = st.findall(f"{{{YNS}}}lcm-operation")
        self.seen_ops.append(first.findtext(f"{{{YNS}}}id"))
        [vdu] = self.vdus(st)
        self.assertTrue(vdu.findtext(f"{{{YNS}}}vim-resource-id"))
        self.assertTrue(vdu.findtext(f"{{{YNS}}}host"))
        self.assertRegex(vdu.findtext(f"{{{YNS}}}address/{{{YNS}}}ip"), r"^\d+\.\d+\.\d+\.\d+$")
        self.assertEqual("active", vdu.findtext(f"{{{YNS}}}status"))

        # scale out and in by the VNF's aspect
        scale = ("<scaling-aspect>routing</scaling-aspect><direction>{}</direction>"
                 "<member-vnf-index>edge</member-vnf-index>")
        _, st = self.invoke("scale", scale.format("out"))
        self.assertEqual(2, len(self.vdus(st)))
        _, st = self.invoke("scale", scale.format("in"))
        self.assertEqual(1, len(self.vdus(st)))

        # heal an injected failure
        broken = self.vdus(st)[0].findtext(f"{{{YNS}}}vim-resource-id")
        reply = call(self.m, f'<action xmlns="{YANG1}"><vim-accounts xmlns="{VIM}"><vim-account>'
                             f"<name>lab</name><fail-resource><resource-id>{broken}</resource-id>"
                             "</fail-resource></vim-account></vim-accounts></action>")
        assert_ok(reply)
        _, st = self.invoke("heal", "<cause>drill</cause>")
        [healed] = self.vdus(st)
        self.assertNotEqual(broken, healed.findtext(f"{{{YNS}}}vim-resource-id"))
        self.assertEqual("active", healed.findtext(f"{{{YNS}}}status"))

        # update: move the member to the VNFD's next version
        _, st = self.invoke("update", "<change-vnf-package><member-vnf-index>edge"
                                      "</member-vnf-index><vnfd-id>edge-v2</vnfd-id>"
                                      "<version>2.0</version></change-vnf-package>")
        self.assertEqual("edge-v2", st.findtext(f"{{{YNS}}}vnf-instance/{{{YNS}}}vnfd-id"))

        # terminate
        _, st = self.invoke("terminate", "<mode>graceful</mode>")
        self.assertEqual("not-instantiated", st.findtext(f"{{{YNS}}}status"))
        self.assertEqual([], st.findall(f"{{{YNS}}}vnf-instance"))

        seen = self.notifications_for(self.seen_ops)
        for op_id, states in seen.items():
            self.assertTrue({"processing", "completed"} <= states, f"{op_id}: {states}")

    def test_rfc7950_7_15_2_action_errors(self):
        """An action on a list entry that does not exist is data-missing; a missing mandatory
        input leaf is missing-element; an unknown element in the path is unknown-element; an action
        that would change nothing is refused and changes nothing."""
        reply = call(self.m, action("instantiate", ns="nobody"))
        self.assert_error(reply, "application", "data-missing")
        reply = call(self.m, f'<action xmlns="{YANG1}"><ns-instances xmlns="{YNS}"><ns-instance>'
                             "<name>x</name><explode/></ns-instance></ns-instances></action>")
        self.assert_error(reply, "application", "unknown-element")

        assert_ok(call(self.m, f"<edit-config><target><candidate/></target>"
                               f'<config xmlns="{NC}">{CATALOG}<ns-instances xmlns="{YNS}">'
                               "<ns-instance><name>idle</name><nsd-ref>edge-ns</nsd-ref>"
                               "<flavour>default</flavour><vim-account>lab</vim-account>"
                               "<admin-state>not-instantiated</admin-state></ns-instance>"
                               "</ns-instances></config></edit-config>"))
        assert_ok(call(self.m, "<commit/>"))
        reply = call(self.m, action("scale", "<member-vnf-index>edge</member-vnf-index>",
                                    ns="idle"))
        self.assert_error(reply, "application", "data-missing", app_tag="missing-choice")
        reply = call(self.m, action("scale", "<direction>out</direction>", ns="idle"))
        self.assert_error(reply, "application", "missing-element",
                          info={"bad-element": "scaling-aspect"})
        reply = call(self.m, action("terminate", ns="idle"))
        self.assert_error(reply, "application", "operation-failed", app_tag="nothing-to-do")

        # dry run: the plan comes back, nothing is committed or started
        reply = call(self.m, action("instantiate", "<dry-run>true</dry-run>", ns="idle"))
        self.assertEqual([], errors_of(reply))
        steps = reply.findall(f"{{{YNS}}}plan/{{{YNS}}}step")
        self.assertTrue(any(s.findtext(f"{{{YNS}}}id").startswith("create-vdu:") for s in steps))
        self.assertIsNone(reply.find(f"{{{YNS}}}lcm-operation-id"))
        running = data_of(call(self.m, f'<get-config><source><running/></source>'
                                       f'<filter type="subtree"><ns-instances xmlns="{YNS}">'
                                       "<ns-instance><name>idle</name><admin-state/>"
                                       "</ns-instance></ns-instances></filter></get-config>"))
        self.assertEqual("not-instantiated",
                         running.findtext(f".//{{{YNS}}}admin-state"))


if __name__ == "__main__":
    unittest.main()
