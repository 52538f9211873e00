package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.error.RpcException;
import org.junit.jupiter.api.Test;

/** Member placement (zone, attributes) and fixed addresses: honoured, and checked at commit. */
class PlacementLifecycleTest extends EngineFixture {

  static String member(String inner) {
    return "<vnf><member-vnf-index>web</member-vnf-index>" + inner + "</vnf>";
  }

  @Test
  void aMemberZoneIsWhereItsVdusRun() throws Exception {
    store.commit(
        TestStore.ns(
            "shop",
            WEB_NS
                + "<instantiation-level>double</instantiation-level>"
                + member("<placement><zone>zone-b</zone></placement>")));
    settle();
    var actual = engine.state().readActual("shop");
    assertEquals(2, actual.vduCount());
    actual
        .vnfs()
        .values()
        .forEach(v -> v.vdus().values().forEach(d -> assertEquals("zone-b", d.zone())));
  }

  @Test
  void requiredAttributesPickTheZoneThatCarriesThem() throws Exception {
    store.commit(
        TestStore.ns(
            "shop",
            WEB_NS
                + member(
                    "<placement><attribute><name>sriov</name><value>true</value></attribute>"
                        + "</placement>")));
    settle();
    var vdu = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    assertEquals("zone-a", vdu.zone());
  }

  @Test
  void anUnknownZoneOrUnmetAttributeIsRefusedAtCommit() {
    var zone =
        assertThrows(
            RpcException.class,
            () ->
                store.commit(
                    TestStore.ns(
                        "shop", WEB_NS + member("<placement><zone>zone-x</zone></placement>"))));
    assertTrue(zone.errors().get(0).message().contains("zone 'zone-x'"), zone.toString());
    assertEquals("ns-not-realisable", zone.errors().get(0).appTag().orElseThrow());
    var attribute =
        assertThrows(
            RpcException.class,
            () ->
                store.commit(
                    TestStore.ns(
                        "shop",
                        WEB_NS
                            + member(
                                "<placement><zone>zone-b</zone><attribute><name>sriov</name>"
                                    + "<value>true</value></attribute></placement>"))));
    assertTrue(
        attribute.errors().get(0).message().contains("requires placement attributes"),
        attribute.toString());
  }

  static String fixed(String vnf, String vdu, String cp, String ip) {
    return "<fixed-address><vnf-instance>"
        + vnf
        + "</vnf-instance><vdu-instance>"
        + vdu
        + "</vdu-instance><cp>"
        + cp
        + "</cp><ip>"
        + ip
        + "</ip></fixed-address>";
  }

  @Test
  void aFixedAddressIsTheOneThePortGets() throws Exception {
    store.commit(TestStore.ns("shop", WEB_NS + fixed("web-1", "web-1", "eth0", "10.0.0.77")));
    settle();
    var vdu = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    assertEquals("10.0.0.77", vdu.ports().get("eth0").ip());
  }

  @Test
  void aFixedAddressOutsideItsNetworkOrForNoPortIsRefused() {
    var outside =
        assertThrows(
            RpcException.class,
            () ->
                store.commit(
                    TestStore.ns("shop", WEB_NS + fixed("web-1", "web-1", "eth0", "192.0.2.1"))));
    assertTrue(
        outside.errors().get(0).message().contains("is outside 10.0.0.0/24"), outside.toString());
    var nowhere =
        assertThrows(
            RpcException.class,
            () ->
                store.commit(
                    TestStore.ns("shop", WEB_NS + fixed("web-9", "web-1", "eth0", "10.0.0.5"))));
    assertTrue(
        nowhere.errors().get(0).message().contains("names no connection point"),
        nowhere.toString());
  }
}
