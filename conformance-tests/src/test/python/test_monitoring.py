"""Monitoring and NMDA: get-schema and netconf-state (RFC 6022), YANG library (RFC 8525),
get-data and edit-data (RFC 8526)."""

from nctest import (DS, MON, NMDA, SHOP, YANGLIB, ConformanceCase, assert_ok, call, data_of,
                    errors_of, shop, texts, xp)


class MonitoringTests(ConformanceCase):

    def test_rfc6022_3_1_get_schema(self):
        """RFC 6022 §3.1: get-schema returns the module text."""
        reply = call(self.m, f'<get-schema xmlns="{MON}"><identifier>shop</identifier>'
                             "<version>2024-01-01</version><format>yang</format></get-schema>")
        text = "".join(reply.find(f"{{{MON}}}data").itertext())
        self.assertIn("module shop", text)
        self.assertIn('namespace "urn:example:shop"', text)

    def test_rfc6022_3_1_get_schema_unknown_identifier(self):
        """RFC 6022 §3.1: a schema that does not exist is invalid-value."""
        reply = call(self.m, f'<get-schema xmlns="{MON}"><identifier>nosuch</identifier>'
                             "</get-schema>")
        self.assertEqual(["invalid-value"], [e.tag for e in errors_of(reply)])

    def test_rfc6022_2_1_schemas_list(self):
        """RFC 6022 §2.1.3: netconf-state/schemas lists the module with format yang."""
        reply = call(self.m, f'<get><filter type="subtree"><netconf-state xmlns="{MON}"><schemas>'
                             "<schema><identifier>shop</identifier></schema></schemas>"
                             "</netconf-state></filter></get>")
        data = data_of(reply)
        # format is an identityref: "yang" in the default namespace or "prefix:yang" (RFC 7950 §9.10.3)
        self.assertEqual(["2024-01-01"], texts(data, "mon:netconf-state/mon:schemas/mon:schema"
                                                     "[mon:format='yang' or substring-after("
                                                     "mon:format, ':')='yang']/mon:version"))

    def test_rfc6022_2_1_4_sessions(self):
        """RFC 6022 §2.1.4: netconf-state/sessions lists this session with its user."""
        other = self.session()
        reply = call(self.m, f'<get><filter type="subtree"><netconf-state xmlns="{MON}"><sessions/>'
                             "</netconf-state></filter></get>")
        data = data_of(reply)
        ids = texts(data, "mon:netconf-state/mon:sessions/mon:session/mon:session-id")
        for m in (self.m, other):
            self.assertIn(str(m.session_id), ids)
        users = texts(data, f"mon:netconf-state/mon:sessions/mon:session[mon:session-id="
                            f"'{self.m.session_id}']/mon:username")
        self.assertEqual([self.target.user], users)
        transport = xp(data, f"mon:netconf-state/mon:sessions/mon:session[mon:session-id="
                             f"'{self.m.session_id}']/mon:transport")[0]
        self.assertTrue(transport.text.strip().endswith(":netconf-ssh"), transport.text)

    def test_rfc8525_3_yang_library(self):
        """RFC 8525 §3: the YANG library lists the module with its revision and namespace, the
        NMDA datastores, and a content-id."""
        reply = call(self.m, f'<get><filter type="subtree"><yang-library xmlns="{YANGLIB}"/>'
                             "</filter></get>")
        data = data_of(reply)
        mod = "yanglib:yang-library/yanglib:module-set/yanglib:module[yanglib:name='shop']"
        self.assertEqual(["2024-01-01"], texts(data, mod + "/yanglib:revision"))
        self.assertEqual([SHOP], texts(data, mod + "/yanglib:namespace"))
        self.assertTrue(texts(data, "yanglib:yang-library/yanglib:content-id"))
        names = [t.split(":")[-1] for t in
                 texts(data, "yanglib:yang-library/yanglib:datastore/yanglib:name")]
        for ds in ("running", "candidate", "startup", "operational"):
            self.assertIn(ds, names)


class NmdaTests(ConformanceCase):

    def get_data(self, datastore, inner=""):
        reply = call(self.m, f'<get-data xmlns="{NMDA}" xmlns:ds="{DS}">'
                             f"<datastore>ds:{datastore}</datastore>{inner}</get-data>")
        d = reply.find(f"{{{NMDA}}}data")
        if d is None:
            raise AssertionError("no nmda <data> in reply")
        return d

    def test_rfc8526_3_1_1_get_data_running_with_subtree_filter(self):
        """RFC 8526 §3.1.1: get-data from running with a subtree filter."""
        data = self.get_data("running", f'<subtree-filter>{shop("<name/>")}</subtree-filter>')
        self.assertEqual(["Corner"], texts(data, "shop:shop/shop:name"))
        self.assertEqual([], xp(data, "shop:shop/shop:product"))

    def test_rfc8526_3_1_1_get_data_operational_has_defaults(self):
        """RFC 8526 §3.1.1, RFC 8342 §5.3: operational holds the configuration in use, with
        default values."""
        data = self.get_data("operational", f'<subtree-filter>{shop("")}</subtree-filter>')
        self.assertEqual(["A1", "B2"], texts(data, "shop:shop/shop:product/shop:sku"))
        self.assertEqual(["EUR"], texts(data, "shop:shop/shop:currency"))

    def test_rfc8526_3_1_1_get_data_xpath_filter(self):
        """RFC 8526 §3.1.1: get-data with xpath-filter."""
        data = self.get_data("running", f'<xpath-filter xmlns:shop="{SHOP}">'
                                        "/shop:shop/shop:product[shop:sku='B2']/shop:price"
                                        "</xpath-filter>")
        self.assertEqual(["50"], texts(data, "shop:shop/shop:product/shop:price"))

    def test_rfc8526_3_2_1_edit_data_candidate_then_commit(self):
        """RFC 8526 §3.2.1: edit-data on the candidate, then commit."""
        reply = call(self.m, f'<edit-data xmlns="{NMDA}" xmlns:ds="{DS}">'
                             "<datastore>ds:candidate</datastore>"
                             f"<config>{shop('<name>NMDA</name>')}</config></edit-data>")
        assert_ok(reply)
        self.assertEqual(["NMDA"], texts(self.get_data("candidate"), "shop:shop/shop:name"))
        assert_ok(call(self.m, "<commit/>"))
        self.assertEqual(["NMDA"], texts(self.get_data("running"), "shop:shop/shop:name"))

    def test_rfc8526_3_2_1_edit_data_operational_is_refused(self):
        """RFC 8526 §3.2.1: operational is not a configuration datastore for edit-data."""
        reply = call(self.m, f'<edit-data xmlns="{NMDA}" xmlns:ds="{DS}">'
                             "<datastore>ds:operational</datastore>"
                             f"<config>{shop('<name>x</name>')}</config></edit-data>")
        self.assertEqual(1, len(errors_of(reply)))


