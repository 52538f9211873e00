package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.netconf.data.ErrorPathWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;

/** The errors body of RFC 8040 §7.1 for Yamano's RpcError, in both encodings. */
class ErrorBodyTest {
  static final String NS = "urn:example:rc";
  final ErrorBody body =
      new ErrorBody(
          JSONCodecFactorySupplier.RFC7951.getShared(SchemaFixture.SCHEMA),
          new ErrorPathWriter(SchemaFixture.SCHEMA));

  static final YangInstanceIdentifier HOST =
      YangInstanceIdentifier.of(
          new NodeIdentifier(QName.create(NS, "lab")),
          new NodeIdentifier(QName.create(NS, "host")),
          NodeIdentifierWithPredicates.of(
              QName.create(NS, "host"), QName.create(NS, "name"), "it's"));

  static final RpcError ERROR =
      RpcError.application(ErrorTag.OPERATION_FAILED, "must-violation", HOST, "too big")
          .withInfo("bad-element", "name");

  String render(Encoding encoding) throws Exception {
    var out = new ByteArrayOutputStream();
    body.write(encoding, out, List.of(ERROR));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("RFC 8040 §7.1, RFC 7951 §6.11: JSON errors with a module-qualified error-path")
  void json() throws Exception {
    var error =
        JsonParser.parseString(render(Encoding.JSON))
            .getAsJsonObject()
            .getAsJsonObject("ietf-restconf:errors")
            .getAsJsonArray("error")
            .get(0)
            .getAsJsonObject();
    assertEquals("application", error.get("error-type").getAsString());
    assertEquals("operation-failed", error.get("error-tag").getAsString());
    assertEquals("must-violation", error.get("error-app-tag").getAsString());
    assertEquals("/example-rc:lab/host[name=\"it's\"]", error.get("error-path").getAsString());
    assertEquals("too big", error.get("error-message").getAsString());
    assertEquals("name", error.getAsJsonObject("error-info").get("bad-element").getAsString());
  }

  @Test
  @DisplayName("RFC 8040 §7.1: XML errors with the error-path's prefixes declared on it")
  void xml() throws Exception {
    String xml = render(Encoding.XML);
    assertTrue(xml.startsWith("<errors xmlns=\"urn:ietf:params:xml:ns:yang:ietf-restconf\">"), xml);
    assertTrue(xml.contains("<error-tag>operation-failed</error-tag>"), xml);
    assertTrue(xml.contains("<error-app-tag>must-violation</error-app-tag>"), xml);
    assertTrue(
        xml.matches(
            "(?s).*<error-path xmlns:(\\w+)=\"urn:example:rc\">/\\1:lab/\\1:host\\[\\1:name=\"it's\"\\]</error-path>.*"),
        xml);
    assertTrue(xml.contains("<error-info><bad-element>name</bad-element></error-info>"), xml);
  }

  @Test
  @DisplayName("RFC 8040 §7: status from the error-tag; validation failures are the client's (400)")
  void status() {
    assertEquals(400, RestconfException.status(ERROR));
    assertEquals(409, RestconfException.status(RpcError.protocol(ErrorTag.LOCK_DENIED, "locked")));
    assertEquals(
        500, RestconfException.status(RpcError.protocol(ErrorTag.OPERATION_FAILED, "broken")));
    assertEquals(
        501, RestconfException.status(RpcError.protocol(ErrorTag.OPERATION_NOT_SUPPORTED, "no")));
  }
}
