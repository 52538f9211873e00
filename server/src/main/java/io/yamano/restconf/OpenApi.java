package io.yamano.restconf;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.AnydataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.InputSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.OperationDefinition;
import org.opendaylight.yangtools.yang.model.api.OutputSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.DecimalTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint8TypeDefinition;

/**
 * An OpenAPI 3.0 description of this server's RESTCONF API, generated once from the loaded YANG
 * modules: a path per container and list entry under {@code /data} (GET everywhere; PUT, POST,
 * PATCH and DELETE on configuration), one per rpc under {@code /operations} and one per action,
 * with JSON schemas of the RFC 7951 encoding, HTTP Basic security, and the RFC 8040 §7.1 errors
 * body. Served at {@code /openapi.json} so OSS developers can generate clients.
 */
final class OpenApi {
  private final EffectiveModelContext schema;
  private volatile byte[] document;

  OpenApi(EffectiveModelContext schema) {
    this.schema = schema;
  }

  Exchange.Reply reply() {
    var doc = document;
    if (doc == null) {
      doc = new GsonBuilder().create().toJson(build()).getBytes(StandardCharsets.UTF_8);
      document = doc;
    }
    return new Exchange.Reply(200, new LinkedHashMap<>(), doc);
  }

  JsonObject build() {
    var root = new JsonObject();
    root.addProperty("openapi", "3.0.3");
    var info = new JsonObject();
    info.addProperty("title", "Yamano RESTCONF API");
    info.addProperty("version", "0.1.0");
    info.addProperty(
        "description",
        "RESTCONF (RFC 8040) over the loaded YANG modules. Data in application/yang-data+json"
            + " (RFC 7951) or +xml; YANG Patch (RFC 8072) with application/yang-patch+json;"
            + " NMDA datastores under /ds/ietf-datastores:{running,candidate,operational}"
            + " (RFC 8527); event streams under /streams/NETCONF/{json,xml}.");
    root.add("info", info);
    var servers = new JsonArray();
    var server = new JsonObject();
    server.addProperty("url", "/restconf");
    servers.add(server);
    root.add("servers", servers);
    var security = new JsonArray();
    var basic = new JsonObject();
    basic.add("basicAuth", new JsonArray());
    security.add(basic);
    root.add("security", security);
    var components = new JsonObject();
    var schemes = new JsonObject();
    var basicScheme = new JsonObject();
    basicScheme.addProperty("type", "http");
    basicScheme.addProperty("scheme", "basic");
    schemes.add("basicAuth", basicScheme);
    components.add("securitySchemes", schemes);
    var schemas = new JsonObject();
    schemas.add("errors", errorsSchema());
    components.add("schemas", schemas);
    root.add("components", components);
    var paths = new JsonObject();
    var modules = new ArrayList<>(schema.getModules());
    modules.sort((a, b) -> a.getName().compareTo(b.getName()));
    for (var module : modules) {
      for (var child : module.getChildNodes()) {
        dataPaths(paths, "/data", List.of(), child, module.getName(), true);
      }
      for (var rpc : module.getRpcs()) {
        paths.add(
            "/operations/" + module.getName() + ":" + rpc.getQName().getLocalName(),
            operationPath(rpc, module.getName(), List.of()));
      }
    }
    root.add("paths", paths);
    return root;
  }

  private void dataPaths(
      JsonObject paths,
      String prefix,
      List<JsonObject> parameters,
      DataSchemaNode node,
      String parentModule,
      boolean moduleChanges) {
    if (node instanceof ChoiceSchemaNode choice) {
      for (CaseSchemaNode c : choice.getCases()) {
        for (var child : c.getChildNodes()) {
          dataPaths(paths, prefix, parameters, child, parentModule, moduleChanges);
        }
      }
      return;
    }
    if (!(node instanceof ContainerSchemaNode || node instanceof ListSchemaNode)) {
      return;
    }
    String module = moduleName(node.getQName());
    String step =
        (module.equals(parentModule) && !moduleChanges ? "" : module + ":")
            + node.getQName().getLocalName();
    String path = prefix + "/" + step;
    var params = new ArrayList<>(parameters);
    if (node instanceof ListSchemaNode list && !list.getKeyDefinition().isEmpty()) {
      var keys = new ArrayList<String>();
      for (QName key : list.getKeyDefinition()) {
        String name = node.getQName().getLocalName() + "-" + key.getLocalName();
        while (paramNamed(params, name)) {
          name = name + "_";
        }
        keys.add("{" + name + "}");
        var p = new JsonObject();
        p.addProperty("name", name);
        p.addProperty("in", "path");
        p.addProperty("required", true);
        p.addProperty("description", "key '" + key.getLocalName() + "', percent-encoded");
        var s = new JsonObject();
        s.addProperty("type", "string");
        p.add("schema", s);
        params.add(p);
      }
      path = path + "=" + String.join(",", keys);
    }
    var item = new JsonObject();
    var paramArray = new JsonArray();
    params.forEach(paramArray::add);
    if (!params.isEmpty()) {
      item.add("parameters", paramArray);
    }
    String member = module + ":" + node.getQName().getLocalName();
    var body =
        wrapper(
            member, node instanceof ListSchemaNode ? arrayOf(nodeSchema(node)) : nodeSchema(node));
    item.add("get", get(member, body, node));
    if (node.isConfiguration()) {
      item.add(
          "put", write("Create or replace " + member + " (RFC 8040 §4.5)", body, "201", "204"));
      item.add("patch", write("Merge into " + member + " (RFC 8040 §4.6.1)", body, "204"));
      item.add("delete", delete(member));
    }
    paths.add(path, item);
    if (node instanceof ActionNodeContainer actions) {
      for (ActionDefinition action : actions.getActions()) {
        paths.add(
            path + "/" + moduleName(action.getQName()) + ":" + action.getQName().getLocalName(),
            operationPath(action, moduleName(action.getQName()), params));
      }
    }
    for (var child : ((DataNodeContainer) node).getChildNodes()) {
      dataPaths(paths, path, params, child, module, false);
    }
  }

  private static boolean paramNamed(List<JsonObject> params, String name) {
    return params.stream().anyMatch(p -> p.get("name").getAsString().equals(name));
  }

  private JsonObject operationPath(
      OperationDefinition operation, String module, List<JsonObject> parameters) {
    var item = new JsonObject();
    if (!parameters.isEmpty()) {
      var array = new JsonArray();
      parameters.forEach(array::add);
      item.add("parameters", array);
    }
    var post = new JsonObject();
    post.addProperty(
        "summary",
        "Invoke " + module + ":" + operation.getQName().getLocalName() + " (RFC 8040 §3.6)");
    operation.getDescription().ifPresent(d -> post.addProperty("description", d));
    InputSchemaNode input = operation.getInput();
    if (!input.getChildNodes().isEmpty()) {
      var requestBody = new JsonObject();
      requestBody.add(
          "content", content(wrapper(module + ":input", containerSchema(input.getChildNodes()))));
      post.add("requestBody", requestBody);
    }
    var responses = new JsonObject();
    OutputSchemaNode output = operation.getOutput();
    if (!output.getChildNodes().isEmpty()) {
      var ok = new JsonObject();
      ok.addProperty("description", "the output");
      ok.add(
          "content", content(wrapper(module + ":output", containerSchema(output.getChildNodes()))));
      responses.add("200", ok);
    }
    var none = new JsonObject();
    none.addProperty("description", "done, no output");
    responses.add("204", none);
    addErrors(responses);
    post.add("responses", responses);
    item.add("post", post);
    return item;
  }

  private JsonObject get(String member, JsonObject body, DataSchemaNode node) {
    var get = new JsonObject();
    get.addProperty("summary", "Read " + member + " (RFC 8040 §4.3)");
    node.getDescription().ifPresent(d -> get.addProperty("description", d));
    var params = new JsonArray();
    for (String q : List.of("content", "depth", "fields", "with-defaults")) {
      var p = new JsonObject();
      p.addProperty("name", q);
      p.addProperty("in", "query");
      p.addProperty("description", "RFC 8040 §4.8");
      var s = new JsonObject();
      s.addProperty("type", "string");
      p.add("schema", s);
      params.add(p);
    }
    get.add("parameters", params);
    var responses = new JsonObject();
    var ok = new JsonObject();
    ok.addProperty("description", "the data");
    ok.add("content", content(body));
    responses.add("200", ok);
    addErrors(responses);
    get.add("responses", responses);
    return get;
  }

  private JsonObject write(String summary, JsonObject body, String... codes) {
    var op = new JsonObject();
    op.addProperty("summary", summary);
    var requestBody = new JsonObject();
    requestBody.addProperty("required", true);
    requestBody.add("content", content(body));
    op.add("requestBody", requestBody);
    var responses = new JsonObject();
    for (String code : codes) {
      var r = new JsonObject();
      r.addProperty("description", code.equals("201") ? "created" : "done");
      responses.add(code, r);
    }
    addErrors(responses);
    op.add("responses", responses);
    return op;
  }

  private JsonObject delete(String member) {
    var op = new JsonObject();
    op.addProperty("summary", "Delete " + member + " (RFC 8040 §4.7)");
    var responses = new JsonObject();
    var r = new JsonObject();
    r.addProperty("description", "deleted");
    responses.add("204", r);
    addErrors(responses);
    op.add("responses", responses);
    return op;
  }

  private static void addErrors(JsonObject responses) {
    var error = new JsonObject();
    error.addProperty("description", "RFC 8040 §7 errors");
    var ref = new JsonObject();
    ref.addProperty("$ref", "#/components/schemas/errors");
    error.add("content", content(ref));
    responses.add("default", error);
  }

  private static JsonObject content(JsonObject schema) {
    var content = new JsonObject();
    var json = new JsonObject();
    json.add("schema", schema);
    content.add("application/yang-data+json", json);
    var xml = new JsonObject();
    var any = new JsonObject();
    any.addProperty("type", "string");
    xml.add("schema", any);
    content.add("application/yang-data+xml", xml);
    return content;
  }

  private static JsonObject wrapper(String member, JsonObject inner) {
    var o = new JsonObject();
    o.addProperty("type", "object");
    var props = new JsonObject();
    props.add(member, inner);
    o.add("properties", props);
    return o;
  }

  private static JsonObject arrayOf(JsonObject items) {
    var o = new JsonObject();
    o.addProperty("type", "array");
    o.add("items", items);
    return o;
  }

  private JsonObject nodeSchema(DataSchemaNode node) {
    if (node instanceof DataNodeContainer container) {
      return containerSchema(container.getChildNodes());
    }
    return leafSchema(node);
  }

  private JsonObject containerSchema(Collection<? extends DataSchemaNode> children) {
    var o = new JsonObject();
    o.addProperty("type", "object");
    var props = new JsonObject();
    addProperties(props, children);
    o.add("properties", props);
    return o;
  }

  private void addProperties(JsonObject props, Collection<? extends DataSchemaNode> children) {
    for (var child : children) {
      if (child instanceof ChoiceSchemaNode choice) {
        for (var c : choice.getCases()) {
          addProperties(props, c.getChildNodes());
        }
        continue;
      }
      String name = child.getQName().getLocalName();
      JsonObject s;
      if (child instanceof ListSchemaNode) {
        s = arrayOf(nodeSchema(child));
      } else if (child instanceof LeafListSchemaNode leafList) {
        s = arrayOf(typeSchema(leafList.getType()));
      } else {
        s = nodeSchema(child);
      }
      child.getDescription().ifPresent(d -> s.addProperty("description", d));
      props.add(name, s);
    }
  }

  private JsonObject leafSchema(DataSchemaNode node) {
    if (node instanceof LeafSchemaNode leaf) {
      return typeSchema(leaf.getType());
    }
    if (node instanceof AnydataSchemaNode || node instanceof AnyxmlSchemaNode) {
      var o = new JsonObject();
      o.addProperty("type", "object");
      return o;
    }
    var o = new JsonObject();
    o.addProperty("type", "string");
    return o;
  }

  /** The JSON type of a YANG type as RFC 7951 §6 encodes it. */
  private static JsonObject typeSchema(TypeDefinition<?> type) {
    var o = new JsonObject();
    if (type instanceof BooleanTypeDefinition) {
      o.addProperty("type", "boolean");
    } else if (type instanceof Int8TypeDefinition
        || type instanceof Int16TypeDefinition
        || type instanceof Int32TypeDefinition
        || type instanceof Uint8TypeDefinition
        || type instanceof Uint16TypeDefinition
        || type instanceof Uint32TypeDefinition) {
      o.addProperty("type", "integer");
    } else if (type instanceof EmptyTypeDefinition) {
      o.addProperty("type", "array");
      var items = new JsonObject();
      items.addProperty("nullable", true);
      o.add("items", items);
    } else if (type instanceof EnumTypeDefinition e) {
      o.addProperty("type", "string");
      var values = new JsonArray();
      e.getValues().forEach(v -> values.add(v.getName()));
      o.add("enum", values);
    } else {
      // int64, uint64 and decimal64 are strings in RFC 7951 §6.1, like everything else
      o.addProperty("type", "string");
      if (type instanceof DecimalTypeDefinition) {
        o.addProperty("format", "decimal64");
      }
    }
    return o;
  }

  private static JsonObject errorsSchema() {
    var error = new JsonObject();
    error.addProperty("type", "object");
    var props = new JsonObject();
    for (String p :
        List.of("error-type", "error-tag", "error-app-tag", "error-path", "error-message")) {
      var s = new JsonObject();
      s.addProperty("type", "string");
      props.add(p, s);
    }
    var info = new JsonObject();
    info.addProperty("type", "object");
    props.add("error-info", info);
    error.add("properties", props);
    var list = new JsonObject();
    list.addProperty("type", "object");
    var listProps = new JsonObject();
    listProps.add("error", arrayOf(error));
    list.add("properties", listProps);
    return wrapper("ietf-restconf:errors", list);
  }

  private String moduleName(QName q) {
    return schema.findModule(q.getModule()).map(m -> m.getName()).orElse("unknown");
  }
}
