/**
 * Onboarding: turns the descriptors and packages operators already have (ETSI SOL006 XML and RFC
 * 7951 JSON, OSM YAML in both its SOL006 and older {@code _im} forms, SOL001 TOSCA, SOL004 CSAR and
 * OSM {@code .tar.gz} packages) into Yamano's SOL006 model, and says exactly what it changed or
 * refused: every difference between the input and what is stored is a {@link
 * io.yamano.onboarding.Deviation}.
 */
package io.yamano.onboarding;
