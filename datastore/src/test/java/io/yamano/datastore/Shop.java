package io.yamano.datastore;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/** The tiny "shop" model the datastore tests use, with helpers to build its data. */
final class Shop {
  static final String NS = "urn:yamano:test:shop";
  static final QName SHOP = QName.create(NS, "shop");
  static final QName NAME = QName.create(NS, "name");
  static final QName ITEM = QName.create(NS, "item");
  static final QName ID = QName.create(NS, "id");
  static final QName PRICE = QName.create(NS, "price");
  static final QName SKU = QName.create(NS, "sku");
  static final YangInstanceIdentifier SHOP_PATH = YangInstanceIdentifier.of(SHOP);
  static final YangInstanceIdentifier ITEMS = YangInstanceIdentifier.of(SHOP, ITEM);

  private static EffectiveModelContext context;

  private Shop() {}

  static synchronized EffectiveModelContext context() {
    if (context == null) {
      try {
        context =
            new DefaultYangParserFactory()
                .createParser(YangParserConfiguration.DEFAULT)
                .addSource(new URLYangTextSource(Shop.class.getResource("/datastore/shop.yang")))
                .buildEffectiveModel();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return context;
  }

  static YangInstanceIdentifier item(String id) {
    return ITEMS.node(NodeIdentifierWithPredicates.of(ITEM, ID, id));
  }

  static MapEntryNode itemNode(String id, long price, String sku) {
    var builder =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(ITEM, ID, id))
            .withChild(ImmutableNodes.leafNode(ID, id))
            .withChild(ImmutableNodes.leafNode(PRICE, Uint32.valueOf(price)));
    if (sku != null) {
      builder.withChild(ImmutableNodes.leafNode(SKU, sku));
    }
    return builder.build();
  }

  static Datastore open(InMemoryCommitLog config, InMemoryCommitLog operational) {
    try {
      return Datastore.open(
          context(),
          config,
          operational,
          io.yamano.datastore.validation.IncrementalValidator::forRunning);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static NodeIdentifier id(QName qname) {
    return NodeIdentifier.create(qname);
  }
}
