package io.yamano.restconf;

import io.yamano.netconf.data.DataWriter;
import io.yamano.yang.registry.SchemaRegistry;
import java.nio.file.Path;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** The bundled modules plus the RESTCONF test model, loaded once for the codec tests. */
final class SchemaFixture {
  static final EffectiveModelContext SCHEMA = load();

  private SchemaFixture() {}

  private static EffectiveModelContext load() {
    try {
      var models = Path.of(SchemaFixture.class.getResource("/restconf/models").toURI());
      return SchemaRegistry.builder().addModelDirectory(models).load().context();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiPath paths() {
    return new ApiPath(SCHEMA, JSONCodecFactorySupplier.RFC7951.getShared(SCHEMA));
  }

  static DataCodec codec() {
    return new DataCodec(
        SCHEMA, JSONCodecFactorySupplier.RFC7951.getShared(SCHEMA), new DataWriter(SCHEMA));
  }
}
