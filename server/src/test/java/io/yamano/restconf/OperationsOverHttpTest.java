package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.yamano.datastore.operation.OperationRequest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * RPCs and actions over RESTCONF reach the handlers registered on the datastore (RFC 8040 §3.6).
 */
class OperationsOverHttpTest {
  static final String NS = "urn:example:rc";
  static final QName ADD = QName.create(NS, "add");
  static final QName RESET = QName.create(NS, "reset");
  static final QName LAB = QName.create(NS, "lab");
  static final QName HOST = QName.create(NS, "host");
  static final QName PING = QName.create(NS, "ping");

  @TempDir static Path dataDir;
  static RestconfFixture rc;
  static final AtomicReference<OperationRequest> lastAction = new AtomicReference<>();

  @BeforeAll
  static void start() throws Exception {
    rc = RestconfFixture.start(dataDir);
    var operations = rc.server.datastore().operations();
    operations.register(
        Absolute.of(ADD),
        request -> {
          int a =
              (Integer)
                  request.input().childByArg(new NodeIdentifier(QName.create(NS, "a"))).body();
          int b =
              (Integer)
                  request.input().childByArg(new NodeIdentifier(QName.create(NS, "b"))).body();
          return ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(new NodeIdentifier(QName.create(NS, "output")))
              .withChild(ImmutableNodes.leafNode(QName.create(NS, "sum"), a + b))
              .build();
        });
    operations.register(
        Absolute.of(RESET),
        request ->
            ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(QName.create(NS, "output")))
                .build());
    operations.register(
        Absolute.of(LAB, HOST, PING),
        request -> {
          lastAction.set(request);
          return ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(new NodeIdentifier(QName.create(NS, "output")))
              .withChild(ImmutableNodes.leafNode(QName.create(NS, "received"), Uint8.valueOf(3)))
              .withChild(
                  ImmutableNodes.leafNode(QName.create(NS, "target"), request.target().toString()))
              .build();
        });
    var put =
        rc.send(
            "PUT",
            "/restconf/data/example-rc:lab/host=h1",
            RestconfFixture.JSON,
            "{\"example-rc:host\":[{\"name\":\"h1\"}]}");
    assertEquals(201, put.statusCode(), put.body());
  }

  @AfterAll
  static void stop() throws Exception {
    rc.close();
  }

  @Test
  @DisplayName("RFC 8040 §3.6.1/§3.6.2: rpc input in JSON, output in JSON")
  void rpcJson() throws Exception {
    var r =
        rc.send(
            "POST",
            "/restconf/operations/example-rc:add",
            RestconfFixture.JSON,
            "{\"example-rc:input\":{\"a\":2,\"b\":40}}");
    assertEquals(200, r.statusCode(), r.body());
    var output =
        JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("example-rc:output");
    assertEquals(42, output.get("sum").getAsInt());
  }

  @Test
  @DisplayName("RFC 8040 §3.6.1/§3.6.2: rpc input in XML, output in XML")
  void rpcXml() throws Exception {
    var request =
        rc.request("/restconf/operations/example-rc:add")
            .header("Content-Type", RestconfFixture.XML)
            .header("Accept", RestconfFixture.XML)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "<input xmlns=\"urn:example:rc\"><a>1</a><b>2</b></input>"))
            .build();
    var r = rc.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.body().contains("<output xmlns=\"urn:example:rc\"><sum>3</sum></output>"), r.body());
  }

  @Test
  @DisplayName("RFC 8040 §4.4.2: an rpc without output answers 204 No Content")
  void rpcWithoutOutput() throws Exception {
    var r = rc.send("POST", "/restconf/operations/example-rc:reset", null, null);
    assertEquals(204, r.statusCode(), r.body());
  }

  @Test
  @DisplayName("RFC 8040 §3.6.1: a mandatory input leaf missing is refused before the handler")
  void rpcMissingMandatoryInput() throws Exception {
    var r =
        rc.send(
            "POST",
            "/restconf/operations/example-rc:add",
            RestconfFixture.JSON,
            "{\"example-rc:input\":{\"a\":2}}");
    assertTrue(r.statusCode() == 400, r.statusCode() + " " + r.body());
  }

  @Test
  @DisplayName("RFC 8040 §3.6 / RFC 7950 §7.15: an action gets its target instance and input")
  void action() throws Exception {
    var r =
        rc.send(
            "POST",
            "/restconf/data/example-rc:lab/host=h1/ping",
            RestconfFixture.JSON,
            "{\"example-rc:input\":{\"count\":3}}");
    assertEquals(200, r.statusCode(), r.body());
    var output =
        JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("example-rc:output");
    assertEquals(3, output.get("received").getAsInt());
    var request = lastAction.get();
    assertEquals("restconf", request.invoker().frontEnd());
    assertEquals("admin", request.invoker().user());
    assertTrue(request.target().toString().contains("h1"), request.target().toString());
    assertTrue(request.isAction());
  }

  @Test
  @DisplayName("RFC 7950 §7.15.2: an action on a missing instance is data-missing (409)")
  void actionOnMissingInstance() throws Exception {
    var r =
        rc.send(
            "POST",
            "/restconf/data/example-rc:lab/host=nobody/ping",
            RestconfFixture.JSON,
            "{\"example-rc:input\":{}}");
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"error-tag\": \"data-missing\""), r.body());
    assertTrue(
        r.body().contains("\"error-path\": \"/example-rc:lab/host[name='nobody']\""), r.body());
  }

  @Test
  @DisplayName("RFC 8040 §3.5.3: composite keys and a choice are addressed like any node")
  void compositeKeysAndChoice() throws Exception {
    var put =
        rc.send(
            "PUT",
            "/restconf/data/example-rc:lab/link=a%2Cb,c",
            RestconfFixture.JSON,
            "{\"example-rc:link\":[{\"from\":\"a,b\",\"to\":\"c\",\"speed\":10}]}");
    assertEquals(201, put.statusCode(), put.body());
    assertEquals(
        "/restconf/data/example-rc:lab/link=a%2Cb,c",
        put.headers().firstValue("Location").orElseThrow());
    var get = rc.get("/restconf/data/example-rc:lab/link=a%2Cb,c/speed", RestconfFixture.JSON);
    assertEquals(200, get.statusCode(), get.body());
    assertTrue(get.body().contains("\"example-rc:speed\": 10"), get.body());
    var cable =
        rc.send(
            "PUT",
            "/restconf/data/example-rc:lab/cable",
            RestconfFixture.JSON,
            "{\"example-rc:cable\":\"cat6\"}");
    assertEquals(201, cable.statusCode(), cable.body());
    var wave =
        rc.send(
            "PUT",
            "/restconf/data/example-rc:lab/wavelength",
            RestconfFixture.JSON,
            "{\"example-rc:wavelength\":1550}");
    assertEquals(201, wave.statusCode(), wave.body());
    var lab = rc.get("/restconf/data/example-rc:lab?fields=cable;wavelength", RestconfFixture.JSON);
    assertTrue(lab.body().contains("wavelength") && !lab.body().contains("cable"), lab.body());
  }
}
