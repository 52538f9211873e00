package io.yamano.restconf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.EditOperation;
import io.yamano.netconf.data.Insert;
import io.yamano.netconf.data.Operation;
import io.yamano.netconf.server.EditApplier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * YANG Patch (<a href="https://www.rfc-editor.org/rfc/rfc8072">RFC 8072</a>): a PATCH whose body is
 * {@code application/yang-patch+json} or {@code +xml}, an ordered list of edits (create, delete,
 * insert, merge, move, replace, remove) applied all or nothing as one transaction and commit; the
 * reply is the {@code yang-patch-status} (§2.3), naming the edit that failed.
 */
final class YangPatchResource {
  static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-yang-patch";

  private final DataCodec codec;
  private final ApiPath paths;
  private final DataResources data;
  private final ErrorBody errors;

  YangPatchResource(DataCodec codec, ApiPath paths, DataResources data, ErrorBody errors) {
    this.codec = codec;
    this.paths = paths;
    this.data = data;
    this.errors = errors;
  }

  /** The {@code operation} of an edit (RFC 8072 §2.2). */
  enum EditKind {
    CREATE,
    DELETE,
    INSERT,
    MERGE,
    MOVE,
    REPLACE,
    REMOVE;

    boolean carriesValue() {
      return this == CREATE || this == INSERT || this == MERGE || this == REPLACE;
    }
  }

  /**
   * One edit as sent.
   *
   * @param value the JSON value object or the XML {@code <value>} element, if given
   */
  record Edit(
      String id,
      EditKind kind,
      String target,
      Optional<String> point,
      Optional<String> where,
      Optional<Object> value) {}

  record Patch(String id, Optional<String> comment, List<Edit> edits) {}

  /** Thrown for an edit that fails: its id goes into the edit-status. */
  private static final class EditFailed extends Exception {
    private static final long serialVersionUID = 1L;
    final String editId;
    final transient List<RpcError> errors;
    final int status;

    EditFailed(String editId, int status, List<RpcError> errors) {
      super(editId);
      this.editId = editId;
      this.status = status;
      this.errors = errors;
    }
  }

  Exchange.Reply apply(Exchange ex, DataResources.Store store, Encoding in, Encoding out)
      throws RestconfException {
    ex.query().allowOnly(Set.of(), "PATCH");
    var base = data.writableTarget(ex, store, "PATCH");
    if (!ex.hasBody()) {
      throw RestconfException.badRequest(ErrorTag.MALFORMED_MESSAGE, "a YANG Patch needs a body");
    }
    var patch = in == Encoding.JSON ? parseJson(ex.body()) : parseXml(ex.body());
    var failed = new EditFailed[1];
    try {
      data.edit(
          ex,
          store,
          base.path(),
          tx -> {
            for (var edit : patch.edits()) {
              try {
                applyEdit(tx, ex, base, edit, in);
              } catch (RestconfException e) {
                failed[0] = new EditFailed(edit.id(), e.status(), e.errors());
                throw new RpcException(e.errors());
              } catch (RpcException e) {
                failed[0] =
                    new EditFailed(
                        edit.id(), RestconfException.status(e.errors().get(0)), e.errors());
                throw e;
              }
            }
          });
    } catch (RestconfException e) {
      if (failed[0] != null) {
        return status(out, patch, failed[0].status, Optional.of(failed[0]), List.of());
      }
      if (e.status() == 412 || e.errors().get(0).tag() == ErrorTag.LOCK_DENIED) {
        throw e;
      }
      return status(out, patch, e.status(), Optional.empty(), e.errors());
    }
    return status(out, patch, 200, Optional.empty(), List.of());
  }

  private void applyEdit(
      io.yamano.datastore.Transaction tx, Exchange ex, ApiPath.Target base, Edit edit, Encoding in)
      throws RestconfException, RpcException {
    var segments = new ArrayList<>(base.path().isEmpty() ? List.<String>of() : rawSegments(ex));
    segments.addAll(ApiPath.split(edit.target()));
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    var target = paths.resolve(segments);
    if (target.action().isPresent()) {
      throw RestconfException.badRequest(ErrorTag.INVALID_VALUE, "an edit cannot target an action");
    }
    if (edit.kind().carriesValue() != edit.value().isPresent()) {
      throw RestconfException.badRequest(
          edit.value().isPresent() ? ErrorTag.BAD_ELEMENT : ErrorTag.MISSING_ELEMENT,
          "operation "
              + edit.kind().name().toLowerCase(Locale.ROOT)
              + (edit.kind().carriesValue() ? " needs a value" : " takes no value")
              + " (RFC 8072 §2.2)");
    }
    Optional<NormalizedNode> value = Optional.empty();
    if (edit.value().isPresent()) {
      value = Optional.of(parseValue(edit.value().get(), target, in));
    }
    var path = target.path();
    if (edit.kind().carriesValue()) {
      data.clearOtherCases(tx, path);
    }
    switch (edit.kind()) {
      case CREATE ->
          EditApplier.applyOne(
              tx, new EditOperation(Operation.CREATE, path, value, Optional.empty()));
      case DELETE -> tx.delete(path);
      case REMOVE -> tx.remove(path);
      case MERGE -> {
        if (path.isEmpty()) {
          tx.merge(path, value.get());
        } else {
          EditApplier.applyOne(
              tx, new EditOperation(Operation.MERGE, path, value, Optional.empty()));
        }
      }
      case REPLACE ->
          EditApplier.applyOne(
              tx, new EditOperation(Operation.REPLACE, path, value, Optional.empty()));
      case INSERT ->
          EditApplier.applyOne(
              tx,
              new EditOperation(
                  Operation.CREATE, path, value, Optional.of(insert(ex, base, edit, path))));
      case MOVE -> {
        var existing = tx.read(path);
        if (existing.isEmpty()) {
          throw new RpcException(
              RpcError.application(
                  ErrorTag.DATA_MISSING, null, path, "the entry to move does not exist"));
        }
        EditApplier.applyOne(
            tx,
            new EditOperation(
                Operation.REPLACE, path, existing, Optional.of(insert(ex, base, edit, path))));
      }
      default -> throw new IllegalStateException(edit.kind().toString());
    }
  }

  private static List<String> rawSegments(Exchange ex) {
    var out = new ArrayList<>(ex.segments());
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private Insert insert(Exchange ex, ApiPath.Target base, Edit edit, YangInstanceIdentifier path)
      throws RestconfException {
    var last = path.getLastPathArgument();
    if (!(last instanceof NodeIdentifierWithPredicates || last instanceof NodeWithValue<?>)) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE,
          "insert and move target an entry of an ordered-by user list or leaf-list");
    }
    String where = edit.where().orElse("last");
    switch (where) {
      case "first":
        return new Insert.First();
      case "last":
        return new Insert.Last();
      case "before":
      case "after":
        break;
      default:
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE, "where is before, after, first or last, not '" + where + "'");
    }
    if (edit.point().isEmpty()) {
      throw RestconfException.badRequest(
          ErrorTag.MISSING_ELEMENT, "where=" + where + " needs a point (RFC 8072 §2.2)");
    }
    var segments = new ArrayList<>(base.path().isEmpty() ? List.<String>of() : rawSegments(ex));
    segments.addAll(ApiPath.split(edit.point().get()));
    var anchor = paths.resolve(segments).path();
    if (anchor.isEmpty() || !anchor.getParent().equals(path.getParent())) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE, "the point must be an entry of the same list as the target");
    }
    return where.equals("before")
        ? new Insert.Before(anchor.getLastPathArgument())
        : new Insert.After(anchor.getLastPathArgument());
  }

  private NormalizedNode parseValue(Object value, ApiPath.Target target, Encoding in)
      throws RestconfException {
    if (target.isRoot()) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE,
          "an edit with a value must target a data node, not the datastore");
    }
    List<NormalizedNode> nodes;
    if (value instanceof JsonObject object) {
      nodes = new ArrayList<>();
      for (var member : object.entrySet()) {
        var single = new JsonObject();
        single.add(member.getKey(), member.getValue());
        nodes.add(codec.parseJson(single, target.parentStack().toInference()));
      }
    } else {
      nodes = new ArrayList<>();
      for (Node n = ((Element) value).getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          try {
            nodes.add(codec.parseXml(e, target.parentStack()));
          } catch (javax.xml.stream.XMLStreamException | IOException x) {
            throw DataCodec.malformed(x);
          }
        }
      }
    }
    if (nodes.size() != 1) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE, "the value must hold exactly the target node");
    }
    return DataResources.asTarget(nodes.get(0), target);
  }

  // ------------------------------------------------------------------ reading the patch

  private static Patch parseJson(byte[] body) throws RestconfException {
    var root = DataCodec.jsonObject(body);
    var patch = root.get("ietf-yang-patch:yang-patch");
    if (root.size() != 1 || patch == null || !patch.isJsonObject()) {
      throw malformed("the body is {\"ietf-yang-patch:yang-patch\": {...}} (RFC 8072 §2.1)");
    }
    var p = patch.getAsJsonObject();
    String id = string(p, "patch-id").orElseThrow(() -> malformed("patch-id is mandatory"));
    var editsJson = p.get("edit");
    var edits = new ArrayList<Edit>();
    if (editsJson != null) {
      if (!editsJson.isJsonArray()) {
        throw malformed("edit is a list: [ {...}, ... ]");
      }
      for (JsonElement e : editsJson.getAsJsonArray()) {
        if (!e.isJsonObject()) {
          throw malformed("each edit is an object");
        }
        var o = e.getAsJsonObject();
        var value = o.get("value");
        if (value != null && !value.isJsonObject()) {
          throw malformed("an edit's value is an object holding the target node");
        }
        edits.add(
            edit(
                string(o, "edit-id"),
                string(o, "operation"),
                string(o, "target"),
                string(o, "point"),
                string(o, "where"),
                Optional.ofNullable(value)));
      }
    }
    return new Patch(id, string(p, "comment"), edits);
  }

  private static Patch parseXml(byte[] body) throws RestconfException {
    Element root = DataCodec.xmlDocument(body).getDocumentElement();
    if (!"yang-patch".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
      throw malformed("the body is <yang-patch xmlns=\"" + NAMESPACE + "\"> (RFC 8072 §2.1)");
    }
    String id = text(root, "patch-id").orElseThrow(() -> malformed("patch-id is mandatory"));
    var edits = new ArrayList<Edit>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "edit".equals(e.getLocalName())) {
        Optional<Object> value = Optional.empty();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element v && "value".equals(v.getLocalName())) {
            value = Optional.of(v);
          }
        }
        edits.add(
            edit(
                text(e, "edit-id"),
                text(e, "operation"),
                text(e, "target"),
                text(e, "point"),
                text(e, "where"),
                value));
      }
    }
    return new Patch(id, text(root, "comment"), edits);
  }

  private static Edit edit(
      Optional<String> id,
      Optional<String> operation,
      Optional<String> target,
      Optional<String> point,
      Optional<String> where,
      Optional<Object> value)
      throws RestconfException {
    String editId = id.orElseThrow(() -> malformed("every edit needs an edit-id"));
    String op = operation.orElseThrow(() -> malformed("edit " + editId + " needs an operation"));
    EditKind kind;
    try {
      kind = EditKind.valueOf(op.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw malformed(
          "edit "
              + editId
              + ": operation is create, delete, insert, merge, move, replace or"
              + " remove, not '"
              + op
              + "'");
    }
    return new Edit(
        editId,
        kind,
        target.orElseThrow(() -> malformed("edit " + editId + " needs a target")),
        point,
        where,
        value);
  }

  private static Optional<String> string(JsonObject o, String name) {
    var e = o.get(name);
    return e == null || !e.isJsonPrimitive() ? Optional.empty() : Optional.of(e.getAsString());
  }

  private static Optional<String> text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        return Optional.of(e.getTextContent().trim());
      }
    }
    return Optional.empty();
  }

  private static RestconfException malformed(String message) {
    return RestconfException.badRequest(ErrorTag.MALFORMED_MESSAGE, message);
  }

  // ------------------------------------------------------------------ the status reply

  private Exchange.Reply status(
      Encoding out, Patch patch, int status, Optional<EditFailed> failed, List<RpcError> global)
      throws RestconfException {
    var body = new ByteArrayOutputStream();
    try {
      if (out == Encoding.JSON) {
        var json = DataCodec.jsonWriter(body);
        json.beginObject().name("ietf-yang-patch:yang-patch-status").beginObject();
        json.name("patch-id").value(patch.id());
        if (failed.isEmpty() && global.isEmpty()) {
          json.name("ok").beginArray().nullValue().endArray();
        } else if (!global.isEmpty()) {
          json.name("errors");
          errors.writeJson(json, global);
        } else {
          json.name("edit-status").beginObject().name("edit").beginArray().beginObject();
          json.name("edit-id").value(failed.get().editId);
          json.name("errors");
          errors.writeJson(json, failed.get().errors);
          json.endObject().endArray().endObject();
        }
        json.endObject().endObject().flush();
      } else {
        DataCodec.xml(
            body,
            xml -> {
              xml.writeStartElement("", "yang-patch-status", NAMESPACE);
              xml.writeDefaultNamespace(NAMESPACE);
              xml.writeStartElement(NAMESPACE, "patch-id");
              xml.writeCharacters(patch.id());
              xml.writeEndElement();
              if (failed.isEmpty() && global.isEmpty()) {
                xml.writeEmptyElement(NAMESPACE, "ok");
              } else if (!global.isEmpty()) {
                xml.writeStartElement(NAMESPACE, "errors");
                errors.writeXmlErrors(xml, NAMESPACE, global);
                xml.writeEndElement();
              } else {
                xml.writeStartElement(NAMESPACE, "edit-status");
                xml.writeStartElement(NAMESPACE, "edit");
                xml.writeStartElement(NAMESPACE, "edit-id");
                xml.writeCharacters(failed.get().editId);
                xml.writeEndElement();
                xml.writeStartElement(NAMESPACE, "errors");
                errors.writeXmlErrors(xml, NAMESPACE, failed.get().errors);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
              }
              xml.writeEndElement();
            });
      }
    } catch (IOException e) {
      throw RestconfException.protocol(500, ErrorTag.OPERATION_FAILED, e.getMessage());
    }
    return new Exchange.Reply(status, new LinkedHashMap<>(), body.toByteArray());
  }
}
