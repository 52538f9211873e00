/**
 * The schema registry: loads Yamano's bundled YANG modules and the operator's model directories
 * into one {@link org.opendaylight.yangtools.yang.model.api.EffectiveModelContext}, keeps each
 * module's text for {@code <get-schema>} and the YANG library, and refuses a model set that does
 * not link, naming file, line and the real reason ({@link
 * io.yamano.yang.registry.ModelLoadException}).
 *
 * <p>Entry point: {@link io.yamano.yang.registry.SchemaRegistry#builder()}.
 */
package io.yamano.yang.registry;
