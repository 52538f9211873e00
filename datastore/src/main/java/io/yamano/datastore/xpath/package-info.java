/**
 * XPath 1.0 evaluation over the datastore's {@code NormalizedNode} trees, with the YANG 1.1
 * function library (<a href="https://www.rfc-editor.org/rfc/rfc7950#section-10">RFC 7950 §10</a>).
 *
 * <p>yangtools parses {@code must}, {@code when} and leafref {@code path} expressions but never
 * evaluates them against data; this package does. Expressions come in already parsed and
 * prefix-bound ({@code YangXPathExpression.QualifiedBound}, {@code PathExpression}); nothing here
 * parses XPath text.
 *
 * <ul>
 *   <li>{@link io.yamano.datastore.xpath.DataCursor}: a position in a data tree, seen through the
 *       YANG data model of <a href="https://www.rfc-editor.org/rfc/rfc7950#section-6.4.1">RFC 7950
 *       §6.4.1</a> (choice and case are transparent, list and leaf-list entries are the nodes).
 *   <li>{@link io.yamano.datastore.xpath.XPathEvaluator}: evaluates an expression at a cursor to an
 *       {@link io.yamano.datastore.xpath.XPathResult}. Equality predicates on all keys of a list
 *       are looked up in the list's map instead of scanning it.
 *   <li>{@link io.yamano.datastore.xpath.LeafrefChecker}: leafref targets and require-instance.
 *   <li>{@link io.yamano.datastore.xpath.Footprint}: which data nodes an expression can read, so
 *       that validation re-evaluates only what a change can affect.
 * </ul>
 */
package io.yamano.datastore.xpath;
