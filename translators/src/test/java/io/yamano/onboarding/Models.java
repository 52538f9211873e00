package io.yamano.onboarding;

import io.yamano.yang.registry.SchemaRegistry;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** The bundled models, loaded once per test JVM. */
final class Models {
  static final EffectiveModelContext CONTEXT = load();

  private Models() {}

  private static EffectiveModelContext load() {
    try {
      return SchemaRegistry.builder().load().context();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
