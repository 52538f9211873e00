package io.yamano.datastore.validation;

import io.yamano.datastore.xpath.DataNodePath;
import io.yamano.datastore.xpath.Footprint;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;

/**
 * One XPath-based constraint attached to a schema node: a {@code must}, a {@code when} or a leafref
 * with {@code require-instance true}, with where its instances are and what it reads.
 */
sealed interface XPathRule {
  /** Shape of the constrained node's instances in the data tree. */
  DataShape shape();

  /** The constrained node as XPath sees it (no choice steps, lists once). */
  DataNodePath nodePath();

  /** What the constraint can read; decides which changes re-evaluate it. */
  Footprint footprint();

  /**
   * A {@code must} (RFC 7950 §7.5.3).
   *
   * @param text the expression as written, for messages
   */
  record Must(
      DataShape shape, DataNodePath nodePath, Footprint footprint, MustDefinition must, String text)
      implements XPathRule {
    Optional<String> errorMessage() {
      return must.getErrorMessage();
    }

    Optional<String> errorAppTag() {
      return must.getErrorAppTag();
    }
  }

  /** A {@code when} on a data node (RFC 7950 §7.21.5): if false, the node must not exist. */
  record When(
      DataShape shape,
      DataNodePath nodePath,
      Footprint footprint,
      YangXPathExpression when,
      String text)
      implements XPathRule {}

  /**
   * A leafref that requires its target to exist (RFC 7950 §9.9).
   *
   * @param targetPath where the referenced leaves are, for deciding which deletions matter
   */
  record Leafref(
      DataShape shape,
      DataNodePath nodePath,
      Footprint footprint,
      LeafrefTypeDefinition type,
      Optional<DataNodePath> targetPath)
      implements XPathRule {}
}
