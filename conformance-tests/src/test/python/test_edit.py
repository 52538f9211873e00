"""<edit-config>: operations, default-operation, test-option, error-option, ordered-by user insert,
and the errors an edit can raise. RFC 6241 §7.2, §8.5, §8.6, Appendix A; RFC 7950 §7.8.6, §8.3.1,
§15.7. Every test edits the candidate; setUp discards what the previous test left."""

from nctest import (NC, SHOP, ConformanceCase, assert_ok, call, errors_of, shop, texts)

A1 = "/shop:shop/shop:product[shop:sku='A1']"


class EditConfigTests(ConformanceCase):

    def cand(self, expr):
        return texts(self.get_config("candidate"), expr)

    def test_rfc6241_7_2_merge_adds_and_keeps_siblings(self):
        """RFC 6241 §7.2 operation merge (the default): new leaves are merged, others stay."""
        assert_ok(self.edit(shop("<product><sku>A1</sku><discount>10</discount></product>")))
        self.assertEqual(["10"], self.cand(A1[1:] + "/shop:discount"))
        self.assertEqual(["Apple"], self.cand(A1[1:] + "/shop:title"))

    def test_rfc6241_7_2_replace_drops_unmentioned_children(self):
        """RFC 6241 §7.2 operation replace: the entry is replaced, leaves not given disappear."""
        assert_ok(self.edit(shop('<product nc:operation="replace"><sku>A1</sku>'
                                 "<title>Apricot</title></product>")))
        self.assertEqual(["Apricot"], self.cand(A1[1:] + "/shop:title"))
        self.assertEqual([], self.cand(A1[1:] + "/shop:price"))
        self.assertEqual(["Banana"], self.cand("shop:shop/shop:product[shop:sku='B2']/shop:title"))

    def test_rfc6241_7_2_create_new_entry(self):
        """RFC 6241 §7.2 operation create: a new entry is created."""
        assert_ok(self.edit(shop('<product nc:operation="create"><sku>N1</sku>'
                                 "<title>Nut</title></product>")))
        self.assertEqual(["Nut"], self.cand("shop:shop/shop:product[shop:sku='N1']/shop:title"))

    def test_rfc6241_7_2_create_existing_is_data_exists(self):
        """RFC 6241 §7.2, Appendix A data-exists: create of an existing entry fails; error-type
        application, error-path to the entry."""
        reply = self.edit(shop('<product nc:operation="create"><sku>A1</sku>'
                               "<title>Again</title></product>"))
        self.assert_error(reply, "application", "data-exists", path=A1)
        self.assertEqual(["Apple"], self.cand(A1[1:] + "/shop:title"))

    def test_rfc6241_7_2_delete_existing(self):
        """RFC 6241 §7.2 operation delete: the entry is deleted."""
        assert_ok(self.edit(shop('<order nc:operation="delete"><id>1</id></order>')))
        self.assertEqual([], self.cand("shop:shop/shop:order"))

    def test_rfc6241_7_2_delete_missing_is_data_missing(self):
        """RFC 6241 §7.2, Appendix A data-missing: delete of a missing entry fails; error-type
        application, error-path to the entry."""
        reply = self.edit(shop('<product nc:operation="delete"><sku>ZZ</sku></product>'))
        self.assert_error(reply, "application", "data-missing",
                          path="/shop:shop/shop:product[shop:sku='ZZ']")

    def test_rfc6241_7_2_delete_missing_leaf_is_data_missing(self):
        """RFC 6241 §7.2: delete of a leaf that is not set is data-missing with its path."""
        reply = self.edit(shop('<product><sku>B2</sku><discount nc:operation="delete"/></product>'))
        self.assert_error(reply, "application", "data-missing", path=A1.replace("A1", "B2")
                          + "/shop:discount")

    def test_rfc6241_7_2_remove_missing_is_silently_ignored(self):
        """RFC 6241 §7.2 operation remove: removing what does not exist is not an error."""
        assert_ok(self.edit(shop('<product nc:operation="remove"><sku>ZZ</sku></product>')))

    def test_rfc6241_7_2_remove_existing_leaf(self):
        """RFC 6241 §7.2 operation remove: an existing leaf is removed."""
        assert_ok(self.edit(shop('<product><sku>A1</sku><barcode nc:operation="remove"/>'
                                 "</product>")))
        self.assertEqual([], self.cand(A1[1:] + "/shop:barcode"))
        self.assertEqual(["Apple"], self.cand(A1[1:] + "/shop:title"))

    def test_rfc6241_7_2_default_operation_none_with_explicit_delete(self):
        """RFC 6241 §7.2 default-operation none: elements without operation only locate; the
        explicit delete applies."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<default-operation>none</default-operation>"
                             f'<config xmlns:nc="{NC}">' + shop(
                                 '<name>ignored</name><product><sku>A1</sku>'
                                 '<price nc:operation="delete"/></product>') + "</config>"
                             "</edit-config>")
        assert_ok(reply)
        self.assertEqual([], self.cand(A1[1:] + "/shop:price"))
        self.assertEqual(["Corner"], self.cand("shop:shop/shop:name"))

    def test_rfc6241_7_2_default_operation_none_missing_level_is_data_missing(self):
        """RFC 6241 §7.2 default-operation none: data for which the target has no corresponding
        level is answered with data-missing."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<default-operation>none</default-operation>"
                             "<config>" + shop("<product><sku>ZZ</sku><title>t</title></product>")
                             + "</config></edit-config>")
        self.assert_error(reply, "application", "data-missing")
        self.assertEqual([], self.cand("shop:shop/shop:product[shop:sku='ZZ']"))

    def test_rfc6241_7_2_default_operation_replace(self):
        """RFC 6241 §7.2 default-operation replace: the given configuration replaces the whole
        target datastore."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<default-operation>replace</default-operation>"
                             "<config>" + shop("<product><sku>R1</sku><title>Rye</title></product>")
                             + "</config></edit-config>")
        assert_ok(reply)
        self.assertEqual(["R1"], self.cand("shop:shop/shop:product/shop:sku"))
        self.assertEqual([], self.cand("shop:shop/shop:name"))
        self.assertEqual([], self.cand("shop:shop/shop:category"))

    def test_rfc6241_8_6_4_test_option_test_only_changes_nothing(self):
        """RFC 6241 §8.6.4 (:validate:1.1) test-option test-only: validated, not applied."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<test-option>test-only</test-option>"
                             "<config>" + shop("<name>Tested</name>") + "</config></edit-config>")
        assert_ok(reply)
        self.assertEqual(["Corner"], self.cand("shop:shop/shop:name"))

    def test_rfc6241_8_6_4_test_only_reports_errors(self):
        """RFC 6241 §8.6.4 test-option test-only: an invalid edit is still reported."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<test-option>test-only</test-option>"
                             "<config>" + shop("<max-items>5000</max-items>")
                             + "</config></edit-config>")
        self.assert_error(reply, "application", "invalid-value", path="/shop:shop/shop:max-items")

    def test_rfc6241_7_2_continue_on_error_applies_the_rest(self):
        """RFC 6241 §7.2 error-option continue-on-error: the faulty part is reported, the rest is
        applied."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<error-option>continue-on-error</error-option>"
                             f'<config xmlns:nc="{NC}">' + shop(
                                 '<product nc:operation="create"><sku>A1</sku><title>x</title>'
                                 "</product><product><sku>C9</sku><title>Cress</title></product>")
                             + "</config></edit-config>")
        self.assert_error(reply, "application", "data-exists", path=A1)
        self.assertEqual(["Cress"], self.cand("shop:shop/shop:product[shop:sku='C9']/shop:title"))

    def test_rfc6241_8_5_rollback_on_error_applies_nothing(self):
        """RFC 6241 §8.5 error-option rollback-on-error: on error nothing of the edit remains."""
        reply = call(self.m, "<edit-config><target><candidate/></target>"
                             "<error-option>rollback-on-error</error-option>"
                             f'<config xmlns:nc="{NC}">' + shop(
                                 "<product><sku>C9</sku><title>Cress</title></product>"
                                 '<product nc:operation="create"><sku>A1</sku><title>x</title>'
                                 "</product>") + "</config></edit-config>")
        self.assert_error(reply, "application", "data-exists", path=A1)
        self.assertEqual([], self.cand("shop:shop/shop:product[shop:sku='C9']"))

    def test_rfc6241_7_2_stop_on_error_is_the_default(self):
        """RFC 6241 §7.2 error-option stop-on-error (default): the edit stops at the first error
        and the reply names it."""
        reply = self.edit(shop('<product nc:operation="create"><sku>A1</sku><title>x</title>'
                               "</product>"))
        self.assertEqual(1, len(errors_of(reply)))


class EditErrorTests(ConformanceCase):
    """Errors detected while the edit is parsed (RFC 7950 §8.3.1, RFC 6241 Appendix A)."""

    def test_rfc7950_8_3_1_out_of_range_is_invalid_value(self):
        """RFC 7950 §8.3.1, RFC 6241 Appendix A invalid-value: a value outside the range;
        error-type application, error-path to the leaf."""
        reply = self.edit(shop("<max-items>5000</max-items>"))
        self.assert_error(reply, "application", "invalid-value", path="/shop:shop/shop:max-items")

    def test_rfc7950_8_3_1_bad_type_is_invalid_value(self):
        """RFC 7950 §8.3.1: a value that is not of the leaf's type is invalid-value."""
        reply = self.edit(shop("<product><sku>A1</sku><price>cheap</price></product>"))
        self.assert_error(reply, "application", "invalid-value", path=A1 + "/shop:price")

    def test_rfc6241_appendix_a_unknown_element(self):
        """RFC 6241 Appendix A unknown-element, RFC 7950 §8.3.1: an element the schema does not
        know; error-type application, error-info bad-element names it, error-path its parent."""
        reply = self.edit(shop("<colour>red</colour>"))
        self.assert_error(reply, "application", "unknown-element", path="/shop:shop",
                          info={"bad-element": "colour"})

    def test_rfc6241_appendix_a_unknown_namespace(self):
        """RFC 6241 Appendix A unknown-namespace: error-info bad-element and bad-namespace."""
        reply = self.edit('<shop xmlns="urn:example:nosuch"><name>x</name></shop>')
        err = self.assert_error(reply, "application", "unknown-namespace",
                                info={"bad-element": "shop"})
        self.assertIn("urn:example:nosuch", err.info_values("bad-namespace"))

    def test_rfc7950_8_3_1_list_entry_without_key_is_missing_element(self):
        """RFC 7950 §8.3.1, RFC 6241 Appendix A missing-element: a list entry without its key;
        error-info bad-element names the key."""
        reply = self.edit(shop("<product><title>Keyless</title></product>"))
        self.assert_error(reply, "application", "missing-element", info={"bad-element": "sku"})

    def test_rfc6241_appendix_a_bad_operation_attribute(self):
        """RFC 6241 §7.2, Appendix A bad-attribute: an operation value outside the enumeration;
        error-info names bad-attribute and bad-element."""
        reply = self.edit(shop('<product nc:operation="frobnicate"><sku>A1</sku></product>'))
        errs = errors_of(reply)
        self.assertEqual(["bad-attribute"], [e.tag for e in errs], errs)
        self.assertIn("operation", errs[0].info_values("bad-attribute"))
        self.assertIn("product", errs[0].info_values("bad-element"))


class InsertTests(ConformanceCase):
    """RFC 7950 §7.8.6 insert/key attributes on an ordered-by user list; baseline order is
    fruit, veg."""

    def order(self):
        return texts(self.get_config("candidate"), "shop:shop/shop:category/shop:name")

    def insert(self, name, where, key=None):
        key_attr = f' yang:key="[shop:name=\'{key}\']"' if key else ""
        return self.edit(f'<shop xmlns="{SHOP}" xmlns:shop="{SHOP}"><category yang:insert="{where}"'
                         f"{key_attr}><name>{name}</name></category></shop>")

    def test_rfc7950_7_8_6_insert_first(self):
        """RFC 7950 §7.8.6 insert="first"."""
        assert_ok(self.insert("bread", "first"))
        self.assertEqual(["bread", "fruit", "veg"], self.order())

    def test_rfc7950_7_8_6_insert_last_is_default(self):
        """RFC 7950 §7.8.6: without insert, a new entry goes last."""
        assert_ok(self.edit(shop("<category><name>bread</name></category>")))
        self.assertEqual(["fruit", "veg", "bread"], self.order())

    def test_rfc7950_7_8_6_insert_before(self):
        """RFC 7950 §7.8.6 insert="before" key="[name='veg']"."""
        assert_ok(self.insert("bread", "before", "veg"))
        self.assertEqual(["fruit", "bread", "veg"], self.order())

    def test_rfc7950_7_8_6_insert_after(self):
        """RFC 7950 §7.8.6 insert="after" key="[name='fruit']"."""
        assert_ok(self.insert("bread", "after", "fruit"))
        self.assertEqual(["fruit", "bread", "veg"], self.order())

    def test_rfc7950_7_8_6_move_existing_entry(self):
        """RFC 7950 §7.8.6: insert on an existing entry moves it."""
        assert_ok(self.insert("veg", "first"))
        self.assertEqual(["veg", "fruit"], self.order())

    def test_rfc7950_15_7_insert_relative_to_missing_entry(self):
        """RFC 7950 §15.7: key naming no existing entry is bad-attribute with error-app-tag
        missing-instance."""
        reply = self.insert("bread", "after", "nosuch")
        self.assert_error(reply, "application", "bad-attribute", app_tag="missing-instance")
        self.assertEqual(["fruit", "veg"], self.order())


