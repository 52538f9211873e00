"""VNF lifecycles end to end over NETCONF: Yamano is the orchestrator, Debian's netconfd (behind a
private OpenSSH sshd) is the VNF's management agent. Instantiating an NS makes Yamano's NETCONF
broker push the VNF's day-1 configuration; the execute-primitive YANG 1.1 action on the operational
VNF instance (RFC 7950 §7.15.2) changes it again; a configuration netconfd refuses fails the LCM
operation with netconfd's own error text. What netconfd holds is read with ncclient directly."""

import os
import time
import unittest
from xml.sax.saxutils import escape

import peers
from nctest import NC, ConformanceCase, assert_ok, call, connect, data_of, errors_of

YNS = "urn:yamano:params:xml:ns:yang:yamano-ns"
NFV = "urn:yamano:params:xml:ns:yang:yamano-nfv"
YLC = "urn:yamano:params:xml:ns:yang:yamano-vnf-lifecycle"
YANG1 = "urn:ietf:params:xml:ns:yang:1"
FW = "urn:example:acme-fw"
AGENT_MODULE = peers.REPO_ROOT / "broker" / "src" / "test" / "resources" / "netconfd" / "acme-fw.yang"

LIFECYCLE = f"""<lifecycle xmlns="{YLC}"><inline>
  <management><port>{{{{mgmt-port}}}}</port><username>{{{{ssh-user}}}}</username>
    <private-key-file>{{{{ssh-key}}}}</private-key-file><connect-timeout>20</connect-timeout></management>
  <state>initial</state><state>configured</state><state>failed</state>
  <parameter><name>mtu</name><value>1500</value></parameter>
  <transition><name>day-1</name><event>instantiated</event><from>initial</from>
    <to>configured</to><on-failure>failed</on-failure>
    <action><name>push-day1</name><netconf-edit><config>{escape(
        f'<system xmlns="{FW}"><hostname>{{{{ns-instance}}}}-{{{{vnf-instance}}}}</hostname>'
        f'<mtu>{{{{mtu}}}}</mtu></system>')}</config></netconf-edit><retries>2</retries></action>
    <action><name>health</name><health-check>
      <netconf-get-filter>{escape(f'<system xmlns="{FW}"/>')}</netconf-get-filter>
      <expect-contains>&lt;hostname&gt;</expect-contains></health-check></action>
  </transition>
  <primitive><name>set-mtu</name><allowed-in>configured</allowed-in>
    <parameter><name>mtu</name><mandatory>true</mandatory></parameter>
    <action><name>edit</name><netconf-edit><config>{escape(
        f'<system xmlns="{FW}"><mtu>{{{{mtu}}}}</mtu></system>')}</config></netconf-edit>
      <retries>0</retries></action></primitive>
</inline></lifecycle>"""

CATALOG = f"""<nfv xmlns="{NFV}"><vnfd><id>fw</id><provider>Acme</provider>
  <product-name>Firewall</product-name><software-version>1.0</software-version><version>1.0</version>
  <vnfm-info>yamano</vnfm-info>
  <vdu><id>fw</id><name>fw VM</name>
    <int-cpd><id>mgmt</id><layer-protocol>ethernet</layer-protocol></int-cpd>
    <virtual-compute-desc>small</virtual-compute-desc><sw-image-desc>fw-image</sw-image-desc></vdu>
  <virtual-compute-desc><id>small</id><virtual-memory><size>1.0</size></virtual-memory>
    <virtual-cpu><num-virtual-cpu>1</num-virtual-cpu></virtual-cpu></virtual-compute-desc>
  <sw-image-desc><id>fw-image</id><name>fw</name><version>1.0</version>
    <checksum><algorithm>sha-256</algorithm>
      <hash>0000000000000000000000000000000000000000000000000000000000000000</hash></checksum>
    <container-format>bare</container-format><disk-format>qcow2</disk-format>
    <min-disk>1</min-disk><min-ram>1.0</min-ram><size>1</size><image>fw.qcow2</image></sw-image-desc>
  <ext-cpd><id>mgmt</id><int-cpd><vdu-id>fw</vdu-id><cpd>mgmt</cpd></int-cpd>
    <layer-protocol>ethernet</layer-protocol></ext-cpd>
  <df><id>default</id>
    <vdu-profile><id>fw</id><min-number-of-instances>1</min-number-of-instances>
      <max-number-of-instances>1</max-number-of-instances></vdu-profile>
    <instantiation-level><id>one</id><vdu-level><vdu-id>fw</vdu-id>
      <number-of-instances>1</number-of-instances></vdu-level></instantiation-level>
    <default-instantiation-level>one</default-instantiation-level>
    <lcm-operations-configuration>
      <create-snapshot-vnf-op-config><parameter><key>quiesce</key><value>true</value>
        </parameter></create-snapshot-vnf-op-config>
      <revert-to-snapshot-vnf-op-config><parameter><key>restart</key><value>true</value>
        </parameter></revert-to-snapshot-vnf-op-config>
    </lcm-operations-configuration></df>
  {LIFECYCLE}</vnfd>
<nsd><id>fw-ns</id><designer>Acme</designer><version>1.0</version><name>Firewall service</name>
  <vnfd-id>fw</vnfd-id>
  <df><id>default</id>
    <vnf-profile><id>fw</id><vnfd-id>fw</vnfd-id><flavour-id>default</flavour-id>
      <instantiation-level>one</instantiation-level>
      <min-number-of-instances>1</min-number-of-instances>
      <max-number-of-instances>1</max-number-of-instances></vnf-profile>
    <ns-instantiation-level><id>default</id><vnf-to-level-mapping>
      <vnf-profile-id>fw</vnf-profile-id><number-of-instances>1</number-of-instances>
    </vnf-to-level-mapping></ns-instantiation-level>
    <default-instantiation-level>default</default-instantiation-level></df></nsd></nfv>"""


@unittest.skipIf(os.environ.get("CONFORMANCE_SERVER") == "netconfd",
                 "the VNF broker is Yamano's; netconfd is the VNF agent here, not the server")
class VnfBrokerTests(ConformanceCase):
    load_baseline = False
    agent = None
    agent_target = None

    @classmethod
    def setUpClass(cls):
        cls.agent = peers.NetconfdServer([AGENT_MODULE], target="candidate")
        cls.agent_target = cls.agent.__enter__()
        try:
            super().setUpClass()
        except BaseException:
            cls.agent.__exit__(None, None, None)
            raise

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        if cls.agent is not None:
            cls.agent.__exit__(None, None, None)

    def agent_system(self):
        with connect(self.agent_target) as m:
            return data_of(call(m, f'<get-config><source><running/></source><filter type="subtree">'
                                   f'<system xmlns="{FW}"/></filter></get-config>'))

    def ns_state(self, ns):
        reply = call(self.m, f'<get><filter type="subtree"><ns-instances xmlns="{YNS}">'
                             f"<ns-instance><name>{ns}</name><state/></ns-instance>"
                             "</ns-instances></filter></get>")
        return data_of(reply).find(f"{{{YNS}}}ns-instances/{{{YNS}}}ns-instance/{{{YNS}}}state")

    def operation(self, ns, op_id, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            st = self.ns_state(ns)
            for op in ([] if st is None else st.findall(f"{{{YNS}}}lcm-operation")):
                if op.findtext(f"{{{YNS}}}id") == op_id and op.findtext(f"{{{YNS}}}state") != "processing":
                    return op
            time.sleep(0.05)
        self.fail(f"operation {op_id} did not end within {timeout} s")

    def instantiate(self, ns, extra=""):
        t = self.agent_target
        params = "".join(f"<additional-param><name>{k}</name><value>{v}</value></additional-param>"
                         for k, v in (("mgmt-address", "127.0.0.1"), ("mgmt-port", t.port),
                                      ("ssh-user", t.user), ("ssh-key", t.key_file)))
        assert_ok(call(self.m, f"<edit-config><target><candidate/></target>"
                               f'<config xmlns="{NC}"><ns-instances xmlns="{YNS}"><ns-instance>'
                               f"<name>{ns}</name><nsd-ref>fw-ns</nsd-ref><flavour>default</flavour>"
                               f"<vim-account>lab</vim-account>{params}{extra}"
                               "</ns-instance></ns-instances></config></edit-config>"))
        assert_ok(call(self.m, "<commit/>"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            st = self.ns_state(ns)
            ops = [] if st is None else st.findall(f"{{{YNS}}}lcm-operation")
            if ops and all(o.findtext(f"{{{YNS}}}state") != "processing" for o in ops):
                return st
            time.sleep(0.05)
        self.fail(f"{ns} was not instantiated within 60 s")

    def execute_primitive(self, ns, vnf, primitive, **params):
        inner = "".join(f"<parameter><name>{k}</name><value>{v}</value></parameter>"
                        for k, v in params.items())
        return call(self.m, f'<action xmlns="{YANG1}"><ns-instances xmlns="{YNS}"><ns-instance>'
                            f"<name>{ns}</name><state><vnf-instance><id>{vnf}</id>"
                            f'<execute-primitive xmlns="{YLC}"><primitive>{primitive}</primitive>'
                            f"{inner}</execute-primitive></vnf-instance></state></ns-instance>"
                            "</ns-instances></action>")

    def test_rfc7950_7_15_2_day1_and_day2_configuration_of_a_netconf_vnf(self):
        """Instantiation configures netconfd; execute-primitive reconfigures it; netconfd's refusal
        of a primitive is the LCM operation's error."""
        assert_ok(call(self.m, f"<edit-config><target><candidate/></target>"
                               f'<config xmlns="{NC}">{CATALOG}</config></edit-config>'))
        assert_ok(call(self.m, "<commit/>"))

        st = self.instantiate("edge")
        [op] = st.findall(f"{{{YNS}}}lcm-operation")
        self.assertEqual("completed", op.findtext(f"{{{YNS}}}state"), op.findtext(f"{{{YNS}}}error-message"))
        self.assertEqual("configured", st.findtext(f"{{{YLC}}}vnf-lifecycle/{{{YLC}}}state"))
        system = self.agent_system()
        self.assertEqual("edge-fw-1", system.findtext(f"{{{FW}}}system/{{{FW}}}hostname"))
        self.assertEqual("1500", system.findtext(f"{{{FW}}}system/{{{FW}}}mtu"))

        # day 2: an action on the (config false) VNF instance, followed as an LCM operation
        reply = self.execute_primitive("edge", "fw-1", "set-mtu", mtu="9000")
        self.assertEqual([], [repr(e) for e in errors_of(reply)])
        op_id = reply.findtext(f"{{{YLC}}}lcm-operation-id")
        self.assertTrue(op_id)
        op = self.operation("edge", op_id)
        self.assertEqual("completed", op.findtext(f"{{{YNS}}}state"), op.findtext(f"{{{YNS}}}error-message"))
        self.assertEqual("execute-primitive", op.findtext(f"{{{YNS}}}operation"))
        self.assertEqual("9000", self.agent_system().findtext(f"{{{FW}}}system/{{{FW}}}mtu"))

        # netconfd refuses an out-of-range MTU: its own words end up in the operation
        reply = self.execute_primitive("edge", "fw-1", "set-mtu", mtu="100000")
        op = self.operation("edge", reply.findtext(f"{{{YLC}}}lcm-operation-id"))
        self.assertEqual("failed", op.findtext(f"{{{YNS}}}state"))
        self.assertIn("edit-config refused: value not in range", op.findtext(f"{{{YNS}}}error-message"))
        self.assertEqual("9000", self.agent_system().findtext(f"{{{FW}}}system/{{{FW}}}mtu"))

        # an unknown primitive is refused at once (RFC 6241 Appendix A invalid-value)
        reply = self.execute_primitive("edge", "fw-1", "reboot")
        [error] = errors_of(reply)
        self.assertEqual("invalid-value", error.tag)
        self.assertIn("has no primitive 'reboot'", error.message)


if __name__ == "__main__":
    unittest.main()
