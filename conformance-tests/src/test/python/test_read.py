"""Reading configuration: <get-config>, <get>, subtree and XPath filters, with-defaults.
RFC 6241 §6, §7.1, §7.7, §8.9; RFC 6243 §3."""

from nctest import (NC, SHOP, WD_ATTR, ConformanceCase, call, data_of, errors_of, shop, texts,
                    xp)


class GetConfigTests(ConformanceCase):

    def test_rfc6241_7_1_get_config_running(self):
        """RFC 6241 §7.1: <get-config> on running returns the committed configuration."""
        data = self.get_config("running")
        self.assertEqual(["A1", "B2"], texts(data, "shop:shop/shop:product/shop:sku"))
        self.assertEqual(["Corner"], texts(data, "shop:shop/shop:name"))
        self.assertEqual(["A1"], texts(data, "shop:shop/shop:order[shop:id='1']/shop:sku"))

    def test_rfc6241_8_3_get_config_candidate_sees_uncommitted_edit(self):
        """RFC 6241 §8.3: the candidate holds edits that running does not have until commit."""
        self.edit(shop("<name>Candidate only</name>"))
        self.assertEqual(["Candidate only"],
                         texts(self.get_config("candidate"), "shop:shop/shop:name"))
        self.assertEqual(["Corner"], texts(self.get_config("running"), "shop:shop/shop:name"))

    def test_rfc6241_7_7_get_returns_configuration_too(self):
        """RFC 6241 §7.7: <get> returns configuration and state data."""
        reply = call(self.m, f'<get><filter type="subtree">{shop("<name/>")}</filter></get>')
        self.assertEqual(["Corner"], texts(data_of(reply), "shop:shop/shop:name"))

    def test_rfc6241_7_1_get_config_of_unknown_datastore_is_an_error(self):
        """RFC 6241 §7.1, Appendix A: an unknown <source> element is bad-element/unknown-element
        or invalid-value; it is never answered with <data>."""
        reply = call(self.m, "<get-config><source><nosuch/></source></get-config>")
        self.assertEqual(1, len(errors_of(reply)), reply)
        self.assertIsNone(reply.find(f"{{{NC}}}data"))


class SubtreeFilterTests(ConformanceCase):

    def test_rfc6241_6_2_3_containment_node(self):
        """RFC 6241 §6.2.3, §6.4.2: a containment node selects its whole subtree."""
        data = self.get_config(filter_xml=shop(""))
        self.assertEqual(["A1", "B2"], texts(data, "shop:shop/shop:product/shop:sku"))
        self.assertEqual(["fruit", "veg"], texts(data, "shop:shop/shop:category/shop:name"))

    def test_rfc6241_6_2_4_selection_node(self):
        """RFC 6241 §6.2.4, §6.4.4: an empty leaf element selects only that leaf."""
        data = self.get_config(filter_xml=shop("<name/>"))
        self.assertEqual(["Corner"], texts(data, "shop:shop/shop:name"))
        self.assertEqual([], xp(data, "shop:shop/shop:product"))

    def test_rfc6241_6_2_5_content_match_node(self):
        """RFC 6241 §6.2.5, §6.4.6: a content match node selects the list entry whose key matches,
        with all its siblings when no selection node is given."""
        data = self.get_config(filter_xml=shop("<product><sku>B2</sku></product>"))
        self.assertEqual(["B2"], texts(data, "shop:shop/shop:product/shop:sku"))
        self.assertEqual(["Banana"], texts(data, "shop:shop/shop:product/shop:title"))
        self.assertEqual([], xp(data, "shop:shop/shop:name"))

    def test_rfc6241_6_4_7_content_match_with_selection(self):
        """RFC 6241 §6.4.7: content match plus selection nodes returns only the selected leaves
        of the matching entry (and its keys)."""
        data = self.get_config(filter_xml=shop("<product><sku>A1</sku><price/></product>"))
        self.assertEqual(["100"], texts(data, "shop:shop/shop:product/shop:price"))
        self.assertEqual(["A1"], texts(data, "shop:shop/shop:product/shop:sku"))
        self.assertEqual([], xp(data, "shop:shop/shop:product/shop:title"))

    def test_rfc6241_6_2_5_content_match_on_non_key_leaf(self):
        """RFC 6241 §6.2.5: a content match on a non-key leaf filters the list."""
        data = self.get_config(filter_xml=shop("<product><price>50</price><sku/></product>"))
        self.assertEqual(["B2"], texts(data, "shop:shop/shop:product/shop:sku"))

    def test_rfc6241_6_4_2_no_match_returns_empty_data(self):
        """RFC 6241 §6.4.2, §6.2.5: a content match that matches nothing yields an empty <data>."""
        data = self.get_config(filter_xml=shop("<product><sku>none</sku></product>"))
        self.assertEqual([], xp(data, "*"))

    def test_rfc6241_6_2_1_namespace_selection(self):
        """RFC 6241 §6.2.1: an element in another namespace does not match."""
        data = self.get_config(filter_xml='<shop xmlns="urn:example:other"/>')
        self.assertEqual([], xp(data, "*"))

    def test_rfc6241_6_4_1_empty_filter_selects_nothing(self):
        """RFC 6241 §6.4.2: an empty filter selects nothing."""
        data = self.get_config(filter_xml="")
        self.assertEqual([], xp(data, "*"))


class XPathFilterTests(ConformanceCase):

    def xpath_get_config(self, select):
        reply = call(self.m, f'<get-config><source><running/></source>'
                             f'<filter xmlns:shop="{SHOP}" type="xpath" select="{select}"/>'
                             f"</get-config>")
        return data_of(reply)

    def test_rfc6241_8_9_xpath_filter_selects_leaf(self):
        """RFC 6241 §8.9: an XPath filter returns the selected nodes with their ancestors (and
        list keys)."""
        data = self.xpath_get_config("/shop:shop/shop:product[shop:sku='A1']/shop:title")
        self.assertEqual(["Apple"], texts(data, "shop:shop/shop:product/shop:title"))
        self.assertEqual(["A1"], texts(data, "shop:shop/shop:product/shop:sku"))
        self.assertEqual([], xp(data, "shop:shop/shop:product/shop:price"))

    def test_rfc6241_8_9_xpath_filter_predicate_on_value(self):
        """RFC 6241 §8.9: predicates on non-key values."""
        data = self.xpath_get_config("/shop:shop/shop:product[shop:price &gt; 60]")
        self.assertEqual(["A1"], texts(data, "shop:shop/shop:product/shop:sku"))

    def test_rfc6241_8_9_xpath_filter_matching_nothing(self):
        """RFC 6241 §8.9: an expression that selects nothing yields an empty <data>."""
        data = self.xpath_get_config("/shop:shop/shop:product[shop:sku='none']")
        self.assertEqual([], xp(data, "*"))


class WithDefaultsTests(ConformanceCase):
    """RFC 6243 §3: product A1 sets stock=5; B2 leaves stock at its default 0; currency and
    max-items are never set. One more product sets stock explicitly to its default."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from nctest import connect, assert_ok, config
        with connect(cls.target) as m:
            assert_ok(call(m, "<edit-config><target><candidate/></target>" + config(shop(
                "<product><sku>C3</sku><title>Cherry</title><stock>0</stock></product>"))
                + "</edit-config>"))
            assert_ok(call(m, "<commit/>"))

    def get_wd(self, mode):
        reply = call(self.m, f'<get-config><source><running/></source>'
                             f'<filter type="subtree">{shop("")}</filter>'
                             f'<with-defaults xmlns="{WD_ATTR}">{mode}</with-defaults>'
                             "</get-config>")
        return data_of(reply)

    def test_rfc6243_3_1_report_all(self):
        """RFC 6243 §3.1: report-all returns every default, set or not."""
        data = self.get_wd("report-all")
        self.assertEqual(["EUR"], texts(data, "shop:shop/shop:currency"))
        self.assertEqual(["100"], texts(data, "shop:shop/shop:max-items"))
        self.assertEqual(["0"], texts(data, "shop:shop/shop:product[shop:sku='B2']/shop:stock"))

    def test_rfc6243_3_2_trim(self):
        """RFC 6243 §3.2: trim leaves out every leaf whose value equals its default, even if set."""
        data = self.get_wd("trim")
        self.assertEqual([], xp(data, "shop:shop/shop:currency"))
        self.assertEqual([], xp(data, "shop:shop/shop:product[shop:sku='C3']/shop:stock"))
        self.assertEqual(["5"], texts(data, "shop:shop/shop:product[shop:sku='A1']/shop:stock"))

    def test_rfc6243_3_3_explicit(self):
        """RFC 6243 §3.3: explicit returns what was set, including a value equal to the default,
        and no default that was not set."""
        data = self.get_wd("explicit")
        self.assertEqual([], xp(data, "shop:shop/shop:currency"))
        self.assertEqual([], xp(data, "shop:shop/shop:product[shop:sku='B2']/shop:stock"))
        self.assertEqual(["0"], texts(data, "shop:shop/shop:product[shop:sku='C3']/shop:stock"))

    def test_rfc6243_3_4_report_all_tagged(self):
        """RFC 6243 §3.4, §6: report-all-tagged marks defaults with wd:default="true"."""
        data = self.get_wd("report-all-tagged")
        attr = "{urn:ietf:params:xml:ns:netconf:default:1.0}default"
        currency = xp(data, "shop:shop/shop:currency")
        self.assertEqual(1, len(currency))
        self.assertEqual("true", currency[0].get(attr))
        stock_b2 = xp(data, "shop:shop/shop:product[shop:sku='B2']/shop:stock")[0]
        self.assertEqual("true", stock_b2.get(attr))
        stock_a1 = xp(data, "shop:shop/shop:product[shop:sku='A1']/shop:stock")[0]
        self.assertIsNone(stock_a1.get(attr))

    def test_rfc6243_4_5_1_unknown_mode_is_invalid_value(self):
        """RFC 6243 §4.5.1, RFC 7950 §8.3.1: a mode outside the with-defaults enumeration is
        answered with invalid-value and no data."""
        reply = call(self.m, f'<get-config><source><running/></source>'
                             f'<with-defaults xmlns="{WD_ATTR}">sometimes</with-defaults>'
                             "</get-config>")
        errs = errors_of(reply)
        self.assertEqual(["invalid-value"], [e.tag for e in errs], errs)
        self.assertIsNone(reply.find(f"{{{NC}}}data"))

