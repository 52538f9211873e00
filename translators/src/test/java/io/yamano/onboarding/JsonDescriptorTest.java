package io.yamano.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SOL006 as RFC 7951 JSON: module-qualified top level, JSON types checked against YANG's. */
class JsonDescriptorTest {
  private static final String VNFD =
      """
      {"etsi-nfv-descriptors:nfv": {"vnfd": [{
        "id": "tiny", "provider": "Acme", "product-name": "Tiny", "software-version": "1.0",
        "version": "1.0", "vnfm-info": VNFM,
        "vdu": [{"id": "vm", "name": "vm", "virtual-compute-desc": "c"}],
        "virtual-compute-desc": [{"id": "c", "virtual-memory": {"size": "1.0"},
                                  "virtual-cpu": {"num-virtual-cpu": 1}}],
        "ext-cpd": [{"id": "e", "int-virtual-link-desc": "l", "layer-protocol": ["ethernet"]}],
        "int-virtual-link-desc": [{"id": "l", "connectivity-type": {"layer-protocol": ["ethernet"]}}],
        "df": [{"id": "d", "vdu-profile": [{"id": "vm", "min-number-of-instances": 1,
                                           "max-number-of-instances": 1}],
                "instantiation-level": [{"id": "i", "vdu-level": [{"vdu-id": "vm",
                                                                  "number-of-instances": 1}]}],
                "lcm-operations-configuration": {
                  "create-snapshot-vnf-op-config": {"parameter": [{"key": "k", "value": "v"}]},
                  "revert-to-snapshot-vnf-op-config": {"parameter": [{"key": "k", "value": "v"}]}}}]
        EXTRA
      }]}}
      """;

  private static ImportResult read(String vnfm, String extra, Mode mode) {
    String json = VNFD.replace("VNFM", vnfm).replace("EXTRA", extra);
    return new DescriptorImporter(Models.CONTEXT)
        .read(json.getBytes(StandardCharsets.UTF_8), "tiny.json", mode, Map.of());
  }

  @Test
  void wellTypedJsonIsAcceptedStrictlyWithoutDeviation() {
    var result = read("[\"yamano\"]", "", Mode.STRICT);
    assertEquals(DescriptorFormat.SOL006_JSON, result.format());
    assertTrue(result.accepted(), result.deviations().toString());
    assertEquals(0, result.deviations().size(), result.deviations().toString());
  }

  @Test
  void scalarForLeafListIsCoercedLenientlyAndRefusedStrictly() {
    var lenient = read("\"yamano\"", "", Mode.LENIENT);
    assertTrue(lenient.accepted());
    var coerced = lenient.deviations().get(0);
    assertEquals(DeviationKind.COERCED, coerced.kind());
    assertEquals("/nfv/vnfd[id='tiny']/vnfm-info", coerced.path());

    var strict = read("\"yamano\"", "", Mode.STRICT);
    assertFalse(strict.accepted());
    assertEquals(DeviationKind.REFUSED, strict.deviations().get(0).kind());
  }

  @Test
  void augmentOfAnotherModuleIsKeptAsExtensionNamingTheModule() {
    var result = read("[\"yamano\"]", ", \"acme-nfv:licence\": {\"key\": \"abc\"}", Mode.LENIENT);
    assertTrue(result.accepted());
    var kept = result.deviations().get(0);
    assertEquals(DeviationKind.KEPT_AS_EXTENSION, kept.kind());
    assertEquals("/nfv/vnfd[id='tiny']/licence", kept.path());
    assertEquals("{\"key\": \"abc\"}", kept.before());
    assertTrue(kept.reason().startsWith("node of module acme-nfv"), kept.reason());
  }

  @Test
  void quotedNumberIsCoercedWithTheReason() {
    var result = read("[\"yamano\"]", "", Mode.LENIENT);
    var withString =
        new DescriptorImporter(Models.CONTEXT)
            .read(
                VNFD.replace("VNFM", "[\"yamano\"]")
                    .replace("EXTRA", "")
                    .replace("\"num-virtual-cpu\": 1", "\"num-virtual-cpu\": \"2\"")
                    .getBytes(StandardCharsets.UTF_8),
                "tiny.json",
                Mode.LENIENT,
                Map.of());
    assertEquals(0, result.deviations().size());
    var coerced = withString.deviations().get(0);
    assertEquals(
        "/nfv/vnfd[id='tiny']/virtual-compute-desc[id='c']/virtual-cpu/num-virtual-cpu",
        coerced.path());
    assertEquals("a quoted string where a number is expected", coerced.reason());
  }
}
