"""Validation of the candidate at <validate> and <commit>: must, unique, leafref, mandatory.
RFC 6241 §8.3.4.1, §8.6.4.1; RFC 7950 §8.3.3, §15."""

from nctest import ConformanceCase, assert_ok, call, shop, texts


class CommitValidationTests(ConformanceCase):

    def commit_fails(self, edit):
        assert_ok(self.edit(shop(edit)))
        validate = call(self.m, "<validate><source><candidate/></source></validate>")
        commit = call(self.m, "<commit/>")
        self.assertEqual(["Corner"], texts(self.get_config("running"), "shop:shop/shop:name"))
        return validate, commit

    def check_both(self, edit, *args, **kwargs):
        validate, commit = self.commit_fails(edit)
        self.assert_error(validate, *args, **kwargs)
        return self.assert_error(commit, *args, **kwargs)

    def test_rfc7950_15_4_must_violation(self):
        """RFC 7950 §8.3.3, §15.4: a false must is operation-failed, error-app-tag must-violation,
        error-path to the node with the must, and its error-message."""
        err = self.check_both("<name>x</name><product><sku>A1</sku><discount>500</discount>"
                              "</product>", "application", "operation-failed",
                              app_tag="must-violation",
                              path="/shop:shop/shop:product[shop:sku='A1']/shop:discount")
        self.assertEqual("a discount cannot exceed the price", err.message)

    def test_rfc7950_15_1_unique_violation(self):
        """RFC 7950 §15.1: operation-failed, error-app-tag data-not-unique, error-info
        <non-unique> with the instance identifier of each conflicting leaf."""
        err = self.check_both("<name>x</name><product><sku>B2</sku><barcode>111</barcode>"
                              "</product>", "application", "operation-failed",
                              app_tag="data-not-unique")
        values = [v.replace('"', "'") for v in err.info_values("non-unique")]
        self.assertTrue(values, repr(err))
        paths = [e for e in err.info.iter() if isinstance(e.tag, str)
                 and e.tag.endswith("}non-unique")]
        got = sorted(self._canon(e) for e in paths)
        want = sorted(self._canon_text(f"/shop:shop/shop:product[shop:sku='{k}']/shop:barcode")
                      for k in ("A1", "B2"))
        self.assertTrue(set(got) & set(want), f"{got} vs {want}")

    def _canon(self, el):
        from nctest import canonical_path
        return canonical_path(el.text, el.nsmap)

    def _canon_text(self, text):
        from nctest import NS, canonical_path
        return canonical_path(text, NS)

    def test_rfc7950_15_5_leafref_instance_required(self):
        """RFC 7950 §15.5: a leafref without its target is data-missing, error-app-tag
        instance-required, error-path to the leafref."""
        self.check_both("<name>x</name><order><id>2</id><sku>ZZ</sku></order>", "application",
                        "data-missing", app_tag="instance-required",
                        path="/shop:shop/shop:order[shop:id='2']/shop:sku")

    def test_rfc7950_15_5_deleting_a_referenced_entry(self):
        """RFC 7950 §15.5: deleting the target of a leafref breaks the reference."""
        self.check_both('<name>x</name><product nc:operation="delete"><sku>A1</sku></product>',
                        "application", "data-missing", app_tag="instance-required",
                        path="/shop:shop/shop:order[shop:id='1']/shop:sku")

    def test_rfc7950_7_6_5_missing_mandatory_leaf(self):
        """RFC 7950 §7.6.5, §8.3.3, RFC 6241 Appendix A data-missing: a list entry without its
        mandatory leaf; error-path to the missing leaf."""
        self.check_both("<name>x</name><product><sku>M1</sku></product>", "application",
                        "data-missing",
                        path="/shop:shop/shop:product[shop:sku='M1']/shop:title")

    def test_rfc6241_8_3_4_1_valid_commit(self):
        """RFC 6241 §8.3.4.1: a valid candidate commits and becomes running."""
        assert_ok(self.edit(shop("<product><sku>V1</sku><title>Valid</title></product>")))
        assert_ok(call(self.m, "<validate><source><candidate/></source></validate>"))
        assert_ok(call(self.m, "<commit/>"))
        self.assertEqual(["Valid"], texts(self.get_config("running"),
                                          "shop:shop/shop:product[shop:sku='V1']/shop:title"))
