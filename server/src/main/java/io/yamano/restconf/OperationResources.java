package io.yamano.restconf;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * {@code {+restconf}/operations} (RFC 8040 §3.3.2) and the invocation of rpcs (§3.6, §4.4.2) and of
 * actions on data resources (§3.6, RFC 7950 §7.15): the input is parsed with the operation's own
 * schema and handed to {@code datastore.operations()}, like every front end does.
 */
final class OperationResources {
  private final Datastore datastore;
  private final DataCodec codec;
  private final ApiPath paths;
  private final DataResources data;
  private final AtomicLong sessionIds;

  OperationResources(
      Datastore datastore,
      DataCodec codec,
      ApiPath paths,
      DataResources data,
      AtomicLong sessionIds) {
    this.datastore = datastore;
    this.codec = codec;
    this.paths = paths;
    this.data = data;
    this.sessionIds = sessionIds;
  }

  /** GET on {@code /operations} or one operation resource: which rpcs exist. */
  Exchange.Reply list(Exchange ex, Encoding out) throws RestconfException {
    ex.query().allowOnly(Set.of(), ex.method());
    List<RpcDefinition> rpcs;
    if (ex.segments().isEmpty()) {
      rpcs =
          codec.schema().getModules().stream()
              .flatMap(m -> m.getRpcs().stream())
              .sorted(
                  Comparator.comparing(
                      r -> moduleName(r.getQName()) + ":" + r.getQName().getLocalName()))
              .map(RpcDefinition.class::cast)
              .toList();
    } else {
      rpcs = List.of(rpc(ex.segments()));
    }
    var body = new ByteArrayOutputStream();
    try {
      if (out == Encoding.JSON) {
        var json = DataCodec.jsonWriter(body);
        json.beginObject().name("ietf-restconf:operations").beginObject();
        for (var rpc : rpcs) {
          json.name(moduleName(rpc.getQName()) + ":" + rpc.getQName().getLocalName());
          json.beginArray().nullValue().endArray();
        }
        json.endObject().endObject().flush();
      } else {
        DataCodec.xml(
            body,
            xml -> {
              xml.writeStartElement("", "operations", DataCodec.RESTCONF_NS);
              xml.writeDefaultNamespace(DataCodec.RESTCONF_NS);
              for (var rpc : rpcs) {
                String ns = rpc.getQName().getNamespace().toString();
                xml.writeStartElement("", rpc.getQName().getLocalName(), ns);
                xml.writeDefaultNamespace(ns);
                xml.writeEndElement();
              }
              xml.writeEndElement();
            });
      }
    } catch (IOException e) {
      throw RestconfException.protocol(500, ErrorTag.OPERATION_FAILED, e.getMessage());
    }
    return new Exchange.Reply(200, new LinkedHashMap<>(), body.toByteArray());
  }

  private String moduleName(QName q) {
    return codec.schema().findModule(q.getModule()).orElseThrow().getName();
  }

  private RpcDefinition rpc(List<String> segments) throws RestconfException {
    if (segments.size() != 1) {
      throw RestconfException.notFound(null, "an operation resource is /operations/module:rpc");
    }
    String id = ApiPath.decode(segments.get(0));
    int colon = id.indexOf(':');
    if (colon < 0) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE, "name the rpc with its module: module-name:" + id);
    }
    var module = paths.module(id.substring(0, colon));
    String local = id.substring(colon + 1);
    if (module.isPresent()) {
      for (var rpc : module.get().getRpcs()) {
        if (rpc.getQName().getLocalName().equals(local)) {
          return rpc;
        }
      }
    }
    throw RestconfException.notFound(null, "no rpc '" + id + "' is loaded");
  }

  /**
   * The mandatory leaves of the input (RFC 7950 §7.6.5), also inside non-presence containers: the
   * parser does not check them, and a handler must not see an incomplete input.
   */
  private static void checkMandatory(
      org.opendaylight.yangtools.yang.model.api.DataNodeContainer schema,
      org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode data,
      String where)
      throws RestconfException {
    for (var child : schema.getChildNodes()) {
      var id = NodeIdentifier.create(child.getQName());
      var present = data == null ? null : data.childByArg(id);
      if (child instanceof org.opendaylight.yangtools.yang.model.api.LeafSchemaNode leaf
          && leaf.isMandatory()
          && present == null) {
        throw new RestconfException(
            400,
            List.of(
                new RpcError(
                        io.yamano.error.ErrorType.APPLICATION,
                        ErrorTag.MISSING_ELEMENT,
                        Optional.empty(),
                        Optional.empty(),
                        "the mandatory leaf '"
                            + leaf.getQName().getLocalName()
                            + "' is missing from the "
                            + where
                            + " (RFC 7950 §7.6.5)",
                        java.util.Map.of())
                    .withInfo("bad-element", leaf.getQName().getLocalName())));
      }
      if (child instanceof org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode c
          && !c.isPresenceContainer()) {
        checkMandatory(
            c,
            present instanceof org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode d
                ? d
                : null,
            where);
      }
    }
  }

  /** POST on {@code /operations/module:rpc} (RFC 8040 §4.4.2). */
  Exchange.Reply invokeRpc(Exchange ex, Encoding out, Optional<Encoding> in)
      throws RestconfException {
    ex.query().allowOnly(Set.of(), "an operation");
    var rpc = rpc(ex.segments());
    var stack = SchemaInferenceStack.of(codec.schema());
    stack.enterSchemaTree(rpc.getQName());
    return invoke(
        ex, out, in, stack, rpc, Absolute.of(rpc.getQName()), YangInstanceIdentifier.of());
  }

  /** POST on a data resource path ending with an action (RFC 8040 §3.6). */
  Exchange.Reply invokeAction(
      Exchange ex, Encoding out, Optional<Encoding> in, ApiPath.Target target)
      throws RestconfException {
    ex.query().allowOnly(Set.of(), "an action");
    // access first: a denied user must not learn whether the target exists (RFC 8341 §3.4.5)
    try {
      datastore
          .operations()
          .checkAccess(
              target.stack().toSchemaNodeIdentifier(),
              target.path(),
              new Invoker(ex.user(), 0, "restconf"));
    } catch (RpcException e) {
      throw RestconfException.of(e);
    }
    // RFC 7950 §7.15.2: the node the action is invoked on must exist
    if (data.read(DatastoreName.OPERATIONAL, true, target.path(), ex.origin()).isEmpty()) {
      throw RestconfException.of(
          new RpcException(
              RpcError.application(
                  ErrorTag.DATA_MISSING,
                  null,
                  target.path(),
                  "the action's target does not exist (RFC 7950 §7.15.2)")));
    }
    var stack = target.stack();
    return invoke(
        ex,
        out,
        in,
        stack,
        target.action().orElseThrow(),
        stack.toSchemaNodeIdentifier(),
        target.path());
  }

  private Exchange.Reply invoke(
      Exchange ex,
      Encoding out,
      Optional<Encoding> in,
      SchemaInferenceStack stack,
      org.opendaylight.yangtools.yang.model.api.OperationDefinition definition,
      Absolute operation,
      YangInstanceIdentifier target)
      throws RestconfException {
    QName inputName = QName.create(operation.lastNodeIdentifier(), "input");
    ContainerNode input;
    if (ex.hasBody()) {
      var parsed = codec.parseNodes(in.orElseThrow(), ex.body(), stack, false);
      if (parsed.size() != 1
          || !(parsed.get(0) instanceof ContainerNode c)
          || !c.name().getNodeType().equals(inputName)) {
        throw RestconfException.badRequest(
            ErrorTag.MALFORMED_MESSAGE,
            "the body of an operation is its input: {\""
                + moduleName(inputName)
                + ":input\": {...}}"
                + " (RFC 8040 §3.6.1)");
      }
      input = c;
    } else {
      input =
          ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(NodeIdentifier.create(inputName))
              .build();
    }
    checkMandatory(definition.getInput(), input, "input");
    ContainerNode output;
    long id = sessionIds.getAndIncrement();
    try (var session = datastore.openSession(id, ex.user(), "restconf")) {
      output =
          datastore
              .operations()
              .invoke(
                  new OperationRequest(
                      operation, target, input, new Invoker(ex.user(), id, "restconf")));
    } catch (RpcException e) {
      throw RestconfException.of(e);
    }
    if (output == null || output.isEmpty()) {
      return Exchange.Reply.of(204);
    }
    var body = new ByteArrayOutputStream();
    try {
      codec.writeOutput(out, body, stack, output);
    } catch (IOException | RuntimeException e) {
      throw RestconfException.protocol(
          500, ErrorTag.OPERATION_FAILED, "cannot encode the output: " + e.getMessage());
    }
    return new Exchange.Reply(200, new LinkedHashMap<>(), body.toByteArray());
  }
}
