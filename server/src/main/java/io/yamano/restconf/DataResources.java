package io.yamano.restconf;

import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.datastore.Transaction;
import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.EditOperation;
import io.yamano.netconf.data.Insert;
import io.yamano.netconf.data.NodeUnion;
import io.yamano.netconf.data.Operation;
import io.yamano.netconf.data.WithDefaultsMode;
import io.yamano.netconf.server.EditApplier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * The data resources: {@code {+restconf}/data} (RFC 8040 §3.3.1, the unified view: configuration
 * and state on reading, running on writing) and the NMDA datastores {@code {+restconf}/ds/...} (RFC
 * 8527 §3.1). Every edit is one transaction of a datastore session of the requesting user,
 * committed like any NETCONF edit.
 */
final class DataResources {
  static final String ACCEPT_PATCH =
      "application/yang-data+json, application/yang-data+xml, application/yang-patch+json,"
          + " application/yang-patch+xml";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final Datastore datastore;
  private final DataCodec codec;
  private final ApiPath paths;
  private final Function<String, ContainerNode> serverState;
  private final Set<String> serverStateNamespaces;
  private final ChangeClock clock;
  private final AtomicLong sessionIds;

  DataResources(
      Datastore datastore,
      DataCodec codec,
      ApiPath paths,
      Function<String, ContainerNode> serverState,
      Set<String> serverStateNamespaces,
      ChangeClock clock,
      AtomicLong sessionIds) {
    this.datastore = datastore;
    this.codec = codec;
    this.paths = paths;
    this.serverState = serverState;
    this.serverStateNamespaces = serverStateNamespaces;
    this.clock = clock;
    this.sessionIds = sessionIds;
  }

  ApiPath paths() {
    return paths;
  }

  /**
   * Which datastore a request works on.
   *
   * @param name the NMDA datastore, or {@code null} for the unified {@code /data} resource
   * @param base the URI prefix of the resource, for {@code Location}
   */
  record Store(DatastoreName name, String base) {
    boolean unified() {
      return name == null;
    }

    DatastoreName writable() {
      return name == null ? DatastoreName.RUNNING : name;
    }

    boolean readOnly() {
      return name == DatastoreName.OPERATIONAL || name == DatastoreName.STARTUP;
    }
  }

  // ------------------------------------------------------------------ GET, HEAD (RFC 8040 §4.3)

  Exchange.Reply get(Exchange ex, Store store, Encoding out) throws RestconfException {
    ex.query().allowOnly(Set.of("content", "depth", "fields", "with-defaults"), ex.method());
    var target = paths.resolve(ex.segments());
    if (target.action().isPresent()) {
      throw RestconfException.methodNotAllowed(ex.method(), "an action; invoke it with POST");
    }
    var content = ex.query().content();
    boolean view =
        store.name() == DatastoreName.OPERATIONAL
            || (store.unified() && content != QueryParams.Content.CONFIG);
    DatastoreName source = view ? DatastoreName.OPERATIONAL : store.writable();
    var mode =
        ex.query()
            .withDefaults()
            .orElse(
                store.name() == DatastoreName.OPERATIONAL
                    ? WithDefaultsMode.REPORT_ALL
                    : WithDefaultsMode.EXPLICIT);
    boolean reportAll =
        mode == WithDefaultsMode.REPORT_ALL || mode == WithDefaultsMode.REPORT_ALL_TAGGED;
    var access = datastore.accessControl().forUser(ex.user());
    boolean restricted = !access.readsEverything();
    var found = read(source, view, target.path(), ex.origin());
    if (found.isEmpty() && reportAll) {
      found = defaultInUse(source, view, target, ex.origin());
    }
    Optional<NormalizedNode> withDefaults = Optional.empty();
    if (restricted && found.isPresent()) {
      var raw = found.get();
      found = access.prune(target.path(), raw);
      if (reportAll && found.isPresent()) {
        // defaults of nodes the user may not read are not reported either (RFC 8341 §3.4.5):
        // add them as data, then prune like stored values
        try {
          withDefaults = access.prune(target.path(), codec.withDefaults(target, raw));
        } catch (IOException e) {
          throw RestconfException.protocol(
              500, ErrorTag.OPERATION_FAILED, "cannot apply the defaults: " + e.getMessage());
        }
      }
    }
    if (found.isEmpty() && !target.isRoot()) {
      throw deniedOrNotFound(access, target.path());
    }
    // the entity-tag is of the stored data the user reads, as edits compare it (If-Match)
    NormalizedNode stored = found.orElseGet(DataCodec::emptyRoot);
    String etag = etag(stored);
    boolean defaultsAdded = withDefaults.isPresent();
    NormalizedNode node = withDefaults.orElse(stored);
    Instant modified = clock.lastModified(source);
    if (notModified(ex, etag, modified)) {
      return Exchange.Reply.of(304)
          .header("ETag", etag)
          .header("Last-Modified", httpDate(modified));
    }
    var fields = ex.query().fields();
    var shaper = new ResourceShaper(codec.schema(), content, ex.query().depth());
    boolean addAbsent = !defaultsAdded;
    try {
      if (!shaper.isIdentity(fields)) {
        if (reportAll && !defaultsAdded) {
          // defaults first, then the cut: what depth or fields leave out stays out
          node = codec.withDefaults(target, node);
          addAbsent = false;
        }
        var selection = fields.orElse(Fields.ALL);
        if (target.isRoot()) {
          node = shaper.root((ContainerNode) node, selection);
        } else {
          var shaped = shaper.node(node, target.schemaNode(), selection);
          if (shaped.isEmpty()) {
            throw RestconfException.notFound(
                target.path(),
                "the resource has no " + ex.query().raw("content").orElse("") + " data");
          }
          node = shaped.get();
        }
      }
    } catch (IOException e) {
      throw RestconfException.protocol(
          500, ErrorTag.OPERATION_FAILED, "cannot apply the defaults: " + e.getMessage());
    }
    var body = new ByteArrayOutputStream();
    try {
      codec.writeResource(out, body, target, node, mode, addAbsent);
    } catch (DataCodec.XmlMultipleRootsException e) {
      throw RestconfException.protocol(406, ErrorTag.INVALID_VALUE, e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw RestconfException.protocol(
          500, ErrorTag.OPERATION_FAILED, "cannot encode the data: " + e.getMessage());
    }
    return new Exchange.Reply(200, new java.util.LinkedHashMap<>(), body.toByteArray())
        .header("ETag", etag)
        .header("Last-Modified", httpDate(modified));
  }

  /**
   * A read target the user may not read at all is refused with {@code access-denied} (RFC 8040 §4:
   * "If the user is not authorized to access the target resource, an error response containing a
   * 403 Forbidden status-line SHOULD be returned"), whether or not it exists, so that the answer
   * does not tell a denied node's existence (RFC 8341 §3.4.5 keeps it hidden in a larger read). A
   * readable target that does not exist is the 404 of RFC 8040 §4.3.
   */
  private static RestconfException deniedOrNotFound(
      io.yamano.datastore.nacm.UserAccess access, YangInstanceIdentifier path) {
    if (access.data(io.yamano.datastore.nacm.Access.READ, path).permitted()) {
      return RestconfException.notFound(path, "the resource does not exist");
    }
    return RestconfException.of(
        new RpcException(
            new RpcError(
                ErrorType.PROTOCOL,
                ErrorTag.ACCESS_DENIED,
                Optional.empty(),
                Optional.of(path),
                "access to the resource is denied (RFC 8341)",
                java.util.Map.of())));
  }

  /**
   * A leaf that is absent but has a default in use (RFC 6243 report-all: its parent exists and it
   * is not in an unchosen case) is there with its default value.
   */
  private Optional<NormalizedNode> defaultInUse(
      DatastoreName source, boolean view, ApiPath.Target target, String origin) {
    if (target.isRoot()
        || !(target.schemaNode()
            instanceof org.opendaylight.yangtools.yang.model.api.LeafSchemaNode leaf)
        || leaf.getType().getDefaultValue().isEmpty()) {
      return Optional.empty();
    }
    var parentPath = target.path().getParent();
    while (parentPath != null
        && !parentPath.isEmpty()
        && paths.schemaOf(parentPath) instanceof ChoiceSchemaNode) {
      parentPath = parentPath.getParent();
    }
    if (parentPath == null
        || (!parentPath.isEmpty() && read(source, view, parentPath, origin).isEmpty())) {
      return Optional.empty();
    }
    var parentNode =
        parentPath.isEmpty()
            ? Optional.<NormalizedNode>of(DataCodec.emptyRoot())
            : read(source, view, parentPath, origin);
    try {
      var filled =
          codec.withDefaults(
              new ApiPath.Target(
                  parentPath, paths.contextOf(parentPath), target.parentStack(), Optional.empty()),
              parentNode.orElseThrow());
      return NormalizedNodes.findNode(
          filled,
          YangInstanceIdentifier.of(
              target
                  .path()
                  .getPathArguments()
                  .subList(
                      parentPath.getPathArguments().size(),
                      target.path().getPathArguments().size())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a node of a datastore; the operational view is running merged with Yamano's operational
   * tree and the server's own state.
   */
  Optional<NormalizedNode> read(
      DatastoreName source, boolean view, YangInstanceIdentifier path, String origin) {
    if (!view) {
      return datastore.snapshot(source).readNode(path);
    }
    var parts = new ArrayList<NormalizedNode>();
    datastore.snapshot(DatastoreName.RUNNING).readNode(path).ifPresent(parts::add);
    datastore.snapshot(DatastoreName.OPERATIONAL).readNode(path).ifPresent(parts::add);
    if (path.isEmpty()
        || serverStateNamespaces.contains(
            path.getPathArguments().get(0).getNodeType().getNamespace().toString())) {
      NormalizedNodes.findNode(serverState.apply(origin), path).ifPresent(parts::add);
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    NormalizedNode merged = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      merged = NodeUnion.union(merged, parts.get(i));
    }
    return Optional.of(merged);
  }

  // ------------------------------------------------------------------ PUT (RFC 8040 §4.5)

  Exchange.Reply put(Exchange ex, Store store, Encoding bodyEncoding) throws RestconfException {
    ex.query().allowOnly(Set.of("insert", "point"), "PUT");
    var target = writableTarget(ex, store, "PUT");
    if (target.isCollection()) {
      throw RestconfException.methodNotAllowed(
          "PUT", "a whole list or leaf-list; name one entry with =key");
    }
    NormalizedNode node =
        target.isRoot()
            ? codec.parseRoot(bodyEncoding, ex.body())
            : asTarget(
                one(codec.parseNodes(bodyEncoding, ex.body(), target.parentStack(), false)),
                target);
    var insert = insertOf(ex, target, target.path());
    var created = new boolean[1];
    var changes =
        edit(
            ex,
            store,
            target.path(),
            tx -> {
              created[0] = tx.read(target.path()).isEmpty();
              clearOtherCases(tx, target.path());
              if (insert.isPresent()) {
                EditApplier.applyOne(
                    tx,
                    new EditOperation(Operation.REPLACE, target.path(), Optional.of(node), insert));
              } else {
                tx.replace(target.path(), node);
              }
            });
    var reply = Exchange.Reply.of(created[0] && !target.isRoot() ? 201 : 204);
    if (created[0] && !target.isRoot()) {
      reply.header("Location", store.base() + paths.encode(target.path()));
    }
    return afterEdit(ex, reply, store, target.path(), changes);
  }

  // ------------------------------------------------------------------ POST (RFC 8040 §4.4.1)

  Exchange.Reply post(Exchange ex, Store store, Encoding bodyEncoding) throws RestconfException {
    ex.query().allowOnly(Set.of("insert", "point"), "POST");
    var target = writableTarget(ex, store, "POST");
    if (target.isCollection()) {
      throw RestconfException.methodNotAllowed(
          "POST", "a whole list; POST the entry to the list's parent (RFC 8040 §4.4.1)");
    }
    if (!target.isRoot() && !(target.node() instanceof DataSchemaContext.Composite)) {
      throw RestconfException.methodNotAllowed("POST", "a leaf: it has no children to create");
    }
    var inference = target.isRoot() ? SchemaInferenceStack.of(codec.schema()) : target.stack();
    var parsed = one(codec.parseNodes(bodyEncoding, ex.body(), inference, false));
    var child = childOf(target, parsed);
    var insert = insertOf(ex, target, child.path());
    var changes =
        edit(
            ex,
            store,
            child.path(),
            tx -> {
              clearOtherCases(tx, child.path());
              EditApplier.applyOne(
                  tx,
                  new EditOperation(
                      Operation.CREATE, child.path(), Optional.of(child.data()), insert));
            });
    var reply =
        Exchange.Reply.of(201).header("Location", store.base() + paths.encode(child.path()));
    return afterEdit(ex, reply, store, child.path(), changes);
  }

  /** The path and data of the child a POST creates. */
  record Child(YangInstanceIdentifier path, NormalizedNode data) {}

  private Child childOf(ApiPath.Target target, NormalizedNode parsed) throws RestconfException {
    var args = new ArrayList<PathArgument>(target.path().getPathArguments());
    parsed = unwrapChoices(parsed);
    QName q = parsed.name().getNodeType();
    var context = (DataSchemaContext.Composite) target.node();
    var child = context.childByQName(q);
    if (child == null) {
      throw RestconfException.badRequest(
          ErrorTag.UNKNOWN_ELEMENT, "'" + q.getLocalName() + "' is not a child of the target");
    }
    args.add(child.pathStep());
    while (child.dataSchemaNode() instanceof ChoiceSchemaNode
        && child instanceof DataSchemaContext.Composite choice) {
      child = choice.childByQName(q);
      args.add(child.pathStep());
    }
    NormalizedNode data = parsed;
    if (parsed instanceof MapNode map) {
      if (map.size() != 1) {
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE, "POST creates one list entry, not " + map.size());
      }
      data = map.body().iterator().next();
      args.add(data.name());
    } else if (parsed instanceof LeafSetNode<?> set) {
      if (set.size() != 1) {
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE, "POST creates one leaf-list entry, not " + set.size());
      }
      data = set.body().iterator().next();
      args.add(data.name());
    } else if (parsed instanceof org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode
        || parsed instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode<?>) {
      args.add(parsed.name());
    }
    return new Child(YangInstanceIdentifier.of(args), data);
  }

  // ------------------------------------------------------------------ PATCH (RFC 8040 §4.6.1)

  Exchange.Reply patch(Exchange ex, Store store, Encoding bodyEncoding) throws RestconfException {
    ex.query().allowOnly(Set.of(), "PATCH");
    var target = writableTarget(ex, store, "PATCH");
    NormalizedNode node =
        target.isRoot()
            ? codec.parseRoot(bodyEncoding, ex.body())
            : asTarget(
                one(codec.parseNodes(bodyEncoding, ex.body(), target.parentStack(), false)),
                target);
    var changes =
        edit(
            ex,
            store,
            target.path(),
            tx -> {
              if (!target.isRoot() && tx.read(target.path()).isEmpty()) {
                throw new RpcException(
                    RpcError.application(
                        ErrorTag.DATA_MISSING,
                        null,
                        target.path(),
                        "the resource does not exist; PATCH does not create it (RFC 8040"
                            + " §4.6.1), use PUT or POST"));
              }
              clearOtherCases(tx, target.path());
              tx.merge(target.path(), node);
            });
    return afterEdit(ex, Exchange.Reply.of(204), store, target.path(), changes);
  }

  // ------------------------------------------------------------------ DELETE (RFC 8040 §4.7)

  Exchange.Reply delete(Exchange ex, Store store) throws RestconfException {
    ex.query().allowOnly(Set.of(), "DELETE");
    var target = writableTarget(ex, store, "DELETE");
    if (target.isRoot()) {
      throw RestconfException.methodNotAllowed("DELETE", "the datastore resource");
    }
    var changes = edit(ex, store, target.path(), tx -> tx.delete(target.path()));
    return afterEdit(ex, Exchange.Reply.of(204), store, target.path(), changes);
  }

  // ------------------------------------------------------------------ OPTIONS (RFC 8040 §4.1)

  Exchange.Reply options(Exchange ex, Store store) throws RestconfException {
    var target = paths.resolve(ex.segments());
    String allow;
    if (target.action().isPresent()) {
      allow = "OPTIONS, POST";
    } else if (store.readOnly()) {
      allow = "GET, HEAD, OPTIONS";
    } else if (target.isRoot()) {
      allow = "GET, HEAD, OPTIONS, PATCH, POST, PUT";
    } else {
      allow = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";
    }
    var reply = Exchange.Reply.of(200).header("Allow", allow);
    if (allow.contains("PATCH")) {
      reply.header("Accept-Patch", ACCEPT_PATCH);
    }
    return reply;
  }

  // ------------------------------------------------------------------ shared

  ApiPath.Target writableTarget(Exchange ex, Store store, String method) throws RestconfException {
    if (store.readOnly()) {
      throw RestconfException.methodNotAllowed(
          method,
          "the "
              + store.name().yangName()
              + " datastore: it is read-only over RESTCONF (RFC 8527 §3.2)");
    }
    var target = paths.resolve(ex.segments());
    if (target.action().isPresent()) {
      throw RestconfException.methodNotAllowed(method, "an action; invoke it with POST");
    }
    if (!target.isRoot() && !target.schemaNode().isConfiguration()) {
      throw RestconfException.methodNotAllowed(
          method, "state data (config false): it is not configuration");
    }
    return target;
  }

  private static NormalizedNode one(List<NormalizedNode> nodes) throws RestconfException {
    if (nodes.size() != 1) {
      throw RestconfException.badRequest(
          ErrorTag.MALFORMED_MESSAGE,
          "the body must hold exactly one data node, not " + nodes.size());
    }
    return nodes.get(0);
  }

  /**
   * The parsed body as the target node: the entry for a list entry, whose keys must equal the URI's
   * (RFC 8040 §4.5).
   */
  static NormalizedNode asTarget(NormalizedNode parsed, ApiPath.Target target)
      throws RestconfException {
    var last = target.path().getLastPathArgument();
    NormalizedNode node = unwrapChoices(parsed);
    if (last instanceof NodeIdentifierWithPredicates && parsed instanceof MapNode map
        || last instanceof NodeWithValue<?> && parsed instanceof LeafSetNode<?>) {
      var entries =
          new ArrayList<NormalizedNode>(
              ((org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer<?>) parsed)
                  .body());
      if (entries.size() != 1) {
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE, "the body must hold exactly the one entry the URI names");
      }
      node = entries.get(0);
    }
    if (!node.name().equals(last)) {
      boolean keyed = last instanceof NodeIdentifierWithPredicates;
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE,
          keyed && node.name().getNodeType().equals(last.getNodeType())
              ? "the key values in the body differ from the ones in the URI (RFC 8040 §4.5)"
              : "the body holds '"
                  + node.name().getNodeType().getLocalName()
                  + "' but the URI names '"
                  + last.getNodeType().getLocalName()
                  + "'");
    }
    return node;
  }

  /**
   * Writing a node of one case removes the nodes of the choice's other cases (RFC 7950 §7.9.2); the
   * data tree would otherwise refuse the two cases side by side.
   */
  void clearOtherCases(Transaction tx, YangInstanceIdentifier path) throws RpcException {
    var args = path.getPathArguments();
    for (int i = 0; i < args.size() - 1; i++) {
      var choicePath = YangInstanceIdentifier.of(args.subList(0, i + 1));
      if (!(paths.schemaOf(choicePath) instanceof ChoiceSchemaNode choice)) {
        continue;
      }
      var present = tx.read(choicePath);
      if (present.isEmpty()
          || !(present.get()
              instanceof org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode node)) {
        continue;
      }
      QName chosen = args.get(i + 1).getNodeType();
      var chosenCase =
          choice.getCases().stream().filter(c -> c.dataChildByName(chosen) != null).findFirst();
      for (var child : node.body()) {
        QName q = child.name().getNodeType();
        if (chosenCase.isPresent() && chosenCase.get().dataChildByName(q) == null) {
          tx.remove(choicePath.node(child.name()));
        }
      }
    }
  }

  /** The codecs hand back a node inside a choice wrapped in it; the resource is the node itself. */
  private static NormalizedNode unwrapChoices(NormalizedNode node) {
    while (node instanceof org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode choice
        && choice.size() == 1) {
      node = choice.body().iterator().next();
    }
    return node;
  }

  /** The insert and point parameters as NETCONF's insert (RFC 8040 §4.8.5, §4.8.6). */
  private Optional<Insert> insertOf(
      Exchange ex, ApiPath.Target target, YangInstanceIdentifier entry) throws RestconfException {
    var insert = ex.query().insert();
    if (insert.isEmpty()) {
      return Optional.empty();
    }
    var last = entry.getLastPathArgument();
    var schema = target.isRoot() ? null : paths.schemaOf(entry);
    boolean userOrdered =
        schema instanceof org.opendaylight.yangtools.yang.model.api.ListSchemaNode l
                && l.isUserOrdered()
            || schema instanceof LeafListSchemaNode ll && ll.isUserOrdered();
    if (!userOrdered
        || !(last instanceof NodeIdentifierWithPredicates || last instanceof NodeWithValue<?>)) {
      throw RestconfException.badParameter(
          "insert", "insert is only for entries of an ordered-by user list or leaf-list");
    }
    return switch (insert.get()) {
      case FIRST -> Optional.of(new Insert.First());
      case LAST -> Optional.of(new Insert.Last());
      case BEFORE, AFTER -> {
        String point = ex.query().raw("point").orElseThrow();
        var pointTarget = paths.resolve(ApiPath.split(point));
        var anchor = pointTarget.path();
        if (anchor.isEmpty()
            || !anchor.getParent().equals(entry.getParent())
            || !(anchor.getLastPathArgument() instanceof NodeIdentifierWithPredicates
                || anchor.getLastPathArgument() instanceof NodeWithValue<?>)) {
          throw RestconfException.badParameter(
              "point", "point must name an entry of the same list as the edited one");
        }
        yield Optional.of(
            insert.get() == QueryParams.Insert.BEFORE
                ? new Insert.Before(anchor.getLastPathArgument())
                : new Insert.After(anchor.getLastPathArgument()));
      }
    };
  }

  @FunctionalInterface
  interface Edit {
    void apply(Transaction tx) throws RpcException, RestconfException;
  }

  /**
   * Runs one edit as a transaction of a fresh datastore session of the user and commits it, after
   * the conditional headers (RFC 8040 §3.4.1.3, §3.5.4) and the locks of other sessions
   * (lock-denied, RFC 8040 §1.4 and RFC 6241 §7.5) allow it.
   */
  ChangeSet edit(Exchange ex, Store store, YangInstanceIdentifier path, Edit edit)
      throws RestconfException {
    var target = store.writable();
    checkPreconditions(ex, store, path);
    long id = sessionIds.getAndIncrement();
    try (DatastoreSession session = datastore.openSession(id, ex.user(), "restconf")) {
      checkLocks(
          id,
          store.unified()
              ? List.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE)
              : List.of(target));
      var tx = session.newTransaction(target);
      edit.apply(tx);
      var changes = tx.commit("RESTCONF " + ex.method() + " " + ex.uri());
      clock.changed(changes);
      return changes;
    } catch (RpcException e) {
      throw RestconfException.of(lockDenied(e));
    }
  }

  void checkLocks(long session, List<DatastoreName> names) throws RestconfException {
    for (var name : names) {
      var holder = datastore.lockHolder(name);
      if (holder.isPresent() && holder.get() != session) {
        throw RestconfException.of(
            new RpcException(
                RpcError.protocol(
                        ErrorTag.LOCK_DENIED,
                        "the "
                            + name.yangName()
                            + " datastore is locked by session "
                            + holder.get()
                            + "; edits wait until it is unlocked")
                    .withInfo("session-id", Long.toString(holder.get()))));
      }
    }
  }

  /** A lock taken between the check and the commit shows as in-use: it is the same refusal. */
  private static RpcException lockDenied(RpcException e) {
    var errors = new ArrayList<RpcError>();
    for (var error : e.errors()) {
      errors.add(
          error.tag() == ErrorTag.IN_USE && error.type() == ErrorType.PROTOCOL
              ? new RpcError(
                  error.type(),
                  ErrorTag.LOCK_DENIED,
                  error.appTag(),
                  error.path(),
                  error.message(),
                  error.info(),
                  error.pathInfo())
              : error);
    }
    return new RpcException(errors, e);
  }

  /**
   * The resource as its entity-tag sees it: on {@code /data} the unified view a GET returns, so a
   * client can send back the tag it read.
   */
  private Optional<NormalizedNode> current(Exchange ex, Store store, YangInstanceIdentifier path) {
    var node =
        store.unified()
            ? read(DatastoreName.OPERATIONAL, true, path, ex.origin())
            : datastore.snapshot(store.writable()).readNode(path);
    // the tag of what this user reads (RFC 8341 §3.4.5), or an If-Match would never match
    var access = datastore.accessControl().forUser(ex.user());
    return access.readsEverything() ? node : node.flatMap(n -> access.prune(path, n));
  }

  private void checkPreconditions(Exchange ex, Store store, YangInstanceIdentifier path)
      throws RestconfException {
    var target = store.writable();
    var ifMatch = ex.header("if-match");
    var ifNoneMatch = ex.header("if-none-match");
    var ifUnmodified = ex.header("if-unmodified-since");
    if (ifMatch.isEmpty() && ifNoneMatch.isEmpty() && ifUnmodified.isEmpty()) {
      return;
    }
    var current = current(ex, store, path);
    var etag = current.map(DataResources::etag);
    if (ifMatch.isPresent()) {
      boolean ok =
          ifMatch.get().trim().equals("*")
              ? current.isPresent()
              : etag.isPresent() && tags(ifMatch.get()).contains(etag.get());
      if (!ok) {
        throw preconditionFailed("If-Match: the resource's entity-tag is " + etag.orElse("none"));
      }
    } else if (ifUnmodified.isPresent()) {
      var since = parseDate(ifUnmodified.get());
      if (since.isPresent() && clock.lastModified(target).isAfter(since.get())) {
        throw preconditionFailed(
            "If-Unmodified-Since: the datastore changed at "
                + httpDate(clock.lastModified(target)));
      }
    }
    if (ifNoneMatch.isPresent()) {
      boolean matches =
          ifNoneMatch.get().trim().equals("*")
              ? current.isPresent()
              : etag.isPresent() && tags(ifNoneMatch.get()).contains(etag.get());
      if (matches) {
        throw preconditionFailed("If-None-Match: the resource matches");
      }
    }
  }

  private static RestconfException preconditionFailed(String message) {
    return RestconfException.protocol(
        412, ErrorTag.OPERATION_FAILED, "precondition failed (RFC 7232 §4.2): " + message);
  }

  private boolean notModified(Exchange ex, String etag, Instant modified) {
    var ifNoneMatch = ex.header("if-none-match");
    if (ifNoneMatch.isPresent()) {
      return ifNoneMatch.get().trim().equals("*") || tags(ifNoneMatch.get()).contains(etag);
    }
    var since = ex.header("if-modified-since").flatMap(DataResources::parseDate);
    return since.isPresent() && !modified.isAfter(since.get());
  }

  private static List<String> tags(String header) {
    var out = new ArrayList<String>();
    for (String t : header.split(",")) {
      String tag = t.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      out.add(tag);
    }
    return out;
  }

  private Exchange.Reply afterEdit(
      Exchange ex,
      Exchange.Reply reply,
      Store store,
      YangInstanceIdentifier path,
      ChangeSet changes) {
    var target = store.writable();
    current(ex, store, path).ifPresent(n -> reply.header("ETag", etag(n)));
    reply.header("Last-Modified", httpDate(clock.lastModified(target)));
    return reply;
  }

  /**
   * The entity-tag of a resource (RFC 8040 §3.4.1.2): a digest of its content in that datastore, so
   * it changes exactly when the resource does, whichever front end changed it.
   */
  static String etag(NormalizedNode node) {
    return "\"" + Integer.toHexString(node.hashCode()) + "\"";
  }

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant.atZone(java.time.ZoneOffset.UTC));
  }

  static Optional<Instant> parseDate(String text) {
    try {
      return Optional.of(ZonedDateTime.parse(text.trim(), HTTP_DATE).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty(); // RFC 7232 §3.3: an invalid date is ignored
    }
  }
}
