package io.yamano.restconf;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.netconf.data.DataWriter;
import io.yamano.netconf.data.ErrorPathWriter;
import io.yamano.netconf.data.NodeUnion;
import io.yamano.netconf.notification.NotificationBus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RESTCONF resources of one server behind HTTP: root discovery ({@code /.well-known/host-meta},
 * RFC 8040 §3.1), the API root {@code /restconf} (§3.3) with {@code data}, {@code ds} (RFC 8527),
 * {@code operations}, {@code yang-library-version} and {@code streams} (§6), and the OpenAPI
 * description at {@code /openapi.json}. Every request but root discovery needs a Yamano user
 * (§2.5): a TLS client certificate that {@link CertificateLogin} maps to one, else HTTP Basic
 * credentials; every failure is an {@code errors} body (§7.1) in the encoding the client accepts.
 */
public final class RestconfService extends Handler.Abstract implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestconfService.class);

  /** The revision of ietf-yang-library this server implements (RFC 8040 §3.3.3). */
  static final String YANG_LIBRARY_VERSION = "2019-01-04";

  /** Request bodies larger than this are refused with 413 (too-big). */
  static final int MAX_BODY = 64 << 20;

  /**
   * RESTCONF session ids: above NETCONF's, which count from 1, so that a lock holder or a
   * changed-by session id names one front end's session without ambiguity.
   */
  static final long FIRST_SESSION_ID = 1L << 31;

  private static final Set<String> SERVER_STATE_NAMESPACES =
      Set.of(
          "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring",
          "urn:ietf:params:xml:ns:yang:ietf-yang-library",
          "urn:ietf:params:xml:ns:netmod:notification",
          RestconfState.NAMESPACE);

  /**
   * The request attribute holding the validated client certificate chain ({@code
   * List<X509Certificate>}, the client's first, the trust anchor last), set only when there is one.
   */
  static final String CLIENT_CHAIN = "io.yamano.restconf.client-chain";

  private final BasicAuth auth;
  private final CertificateLogin certificates;
  private final DataResources data;
  private final OperationResources operations;
  private final YangPatchResource yangPatch;
  private final EventStreams streams;
  private final OpenApi openApi;
  private final ErrorBody errors;
  private final ChangeClock clock;

  private RestconfService(
      BasicAuth auth,
      CertificateLogin certificates,
      DataResources data,
      OperationResources operations,
      YangPatchResource yangPatch,
      EventStreams streams,
      OpenApi openApi,
      ErrorBody errors,
      ChangeClock clock) {
    this.auth = auth;
    this.certificates = certificates;
    this.data = data;
    this.operations = operations;
    this.yangPatch = yangPatch;
    this.streams = streams;
    this.openApi = openApi;
    this.errors = errors;
    this.clock = clock;
  }

  /**
   * Builds the resources.
   *
   * @param passwords checks a user's password (Yamano's users)
   * @param netconfState the server's own state that the operational view shows (NETCONF monitoring,
   *     YANG library, NETCONF streams)
   * @param bus the event bus that streams read
   */
  public static RestconfService create(
      Datastore datastore,
      BiPredicate<String, String> passwords,
      Supplier<ContainerNode> netconfState,
      NotificationBus bus) {
    return create(datastore, passwords, netconfState, bus, CertificateLogin.NONE);
  }

  /**
   * Builds the resources, with TLS client certificates as a way to log in besides HTTP Basic.
   *
   * @param certificates maps a validated client certificate chain to a user (RFC 7589 §7)
   */
  public static RestconfService create(
      Datastore datastore,
      BiPredicate<String, String> passwords,
      Supplier<ContainerNode> netconfState,
      NotificationBus bus,
      CertificateLogin certificates) {
    var schema = datastore.context();
    var jsonCodecs = JSONCodecFactorySupplier.RFC7951.getShared(schema);
    var codec = new DataCodec(schema, jsonCodecs, new DataWriter(schema));
    var paths = new ApiPath(schema, jsonCodecs);
    var sessionIds = new AtomicLong(FIRST_SESSION_ID);
    var start = Instant.now();
    var clock = new ChangeClock(datastore, start);
    var data =
        new DataResources(
            datastore,
            codec,
            paths,
            origin -> {
              var state = netconfState.get();
              var own = RestconfState.state(schema, origin, replayStart(bus, start));
              return own.isPresent() ? (ContainerNode) NodeUnion.union(state, own.get()) : state;
            },
            SERVER_STATE_NAMESPACES,
            clock,
            sessionIds);
    var operations = new OperationResources(datastore, codec, paths, data, sessionIds);
    var errors = new ErrorBody(jsonCodecs, new ErrorPathWriter(schema));

    return new RestconfService(
        new BasicAuth(passwords, Clock.systemUTC()),
        certificates,
        data,
        operations,
        new YangPatchResource(codec, paths, data, errors),
        new EventStreams(bus, datastore.accessControl(), schema, codec),
        new OpenApi(schema),
        errors,
        clock);
  }

  private static Instant replayStart(NotificationBus bus, Instant start) {
    try {
      var oldest = bus.replayLogCreationTime();
      return oldest.isBefore(start) ? oldest : start;
    } catch (IOException e) {
      return start;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = request.getHttpURI().getPath();
    var headers = new LinkedHashMap<String, String>();
    for (HttpField field : request.getHeaders()) {
      headers.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + ", " + b);
    }
    Encoding out = Encoding.JSON;
    try {
      var requestEncoding =
          Encoding.ofData(Encoding.mediaType(headers.get("content-type")))
              .or(() -> Encoding.ofPatch(Encoding.mediaType(headers.get("content-type"))));
      var accepted =
          Encoding.forAccept(headers.get("accept"), requestEncoding.orElse(Encoding.JSON));
      if (path.equals("/.well-known/host-meta")) {
        send(request, response, callback, method, hostMeta(method), "application/xrd+xml");
        return true;
      }
      // RFC 8040 §2.5: a client certificate that maps to a user (RFC 7589 §7), else HTTP Basic
      String certificateRefusal = null;
      Optional<String> user = Optional.empty();
      if (request.getAttribute(CLIENT_CHAIN) instanceof List<?> chain && !chain.isEmpty()) {
        @SuppressWarnings("unchecked")
        var certificateChain = (List<X509Certificate>) chain;
        var outcome = certificates.login(certificateChain, Request.getRemoteAddr(request));
        if (outcome instanceof CertificateLogin.User mapped) {
          user = Optional.of(mapped.name());
        } else if (outcome instanceof CertificateLogin.Refused refused) {
          certificateRefusal =
              "client certificate "
                  + certificateChain.get(0).getSubjectX500Principal().getName()
                  + ": "
                  + refused.reason();
        }
      }
      if (user.isEmpty()) {
        user = auth.authenticate(headers.get("authorization"));
      }
      if (user.isEmpty()) {
        out = accepted.orElse(Encoding.JSON);
        String message = "authentication required: HTTP Basic with a Yamano user (RFC 8040 §2.5)";
        if (certificateRefusal != null) {
          message = certificateRefusal + "; " + message;
          LOG.info("RESTCONF from {}: {}", Request.getRemoteAddr(request), certificateRefusal);
        }
        var reply =
            errorReply(out, 401, List.of(RpcError.protocol(ErrorTag.ACCESS_DENIED, message)));
        reply.header("WWW-Authenticate", "Basic realm=\"yamano\", charset=\"UTF-8\"");
        send(request, response, callback, method, reply, out.dataType());
        return true;
      }
      if (accepted.isEmpty()) {
        throw RestconfException.protocol(
            406,
            ErrorTag.INVALID_VALUE,
            "cannot answer in any type of Accept: "
                + headers.get("accept")
                + "; use application/yang-data+json or application/yang-data+xml (RFC 8040 §5.2)");
      }
      out = accepted.get();
      if (path.equals("/openapi.json") || path.equals("/restconf/openapi.json")) {
        requireRead(method);
        send(request, response, callback, method, openApi.reply(), "application/json");
        return true;
      }
      if (!path.equals("/restconf") && !path.startsWith("/restconf/")) {
        throw RestconfException.notFound(
            null, "no resource at " + path + "; the API root is /restconf");
      }
      var segments = ApiPath.split(path.substring("/restconf".length()));
      if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
        segments = segments.subList(0, segments.size() - 1);
      }
      String origin = origin(request, headers);
      if (segments.size() >= 1 && segments.get(0).equals("streams")) {
        var query = QueryParams.parse(request.getHttpURI().getQuery());
        if (streams.serve(
            request,
            response,
            callback,
            method,
            segments.subList(1, segments.size()),
            query,
            user.get(),
            out)) {
          return true;
        }
        throw RestconfException.notFound(
            null,
            "no such stream; see /restconf/data/ietf-restconf-monitoring:restconf-state/streams");
      }
      byte[] body = readBody(request);
      var query = QueryParams.parse(request.getHttpURI().getQuery());
      var reply =
          route(
              method,
              segments,
              query,
              headers,
              body,
              user.get(),
              path,
              origin,
              out,
              requestEncoding);
      send(request, response, callback, method, reply, out.dataType());
    } catch (RestconfException e) {
      send(
          request,
          response,
          callback,
          method,
          errorReply(out, e.status(), e.errors()),
          out.dataType());
    } catch (Exception | StackOverflowError e) {
      LOG.warn("RESTCONF {} {} failed", method, path, e);
      var error =
          RpcError.application(
              ErrorTag.OPERATION_FAILED, null, null, "internal error: " + e.getMessage());
      send(
          request,
          response,
          callback,
          method,
          errorReply(out, 500, List.of(error)),
          out.dataType());
    }
    return true;
  }

  private Exchange.Reply route(
      String method,
      List<String> segments,
      QueryParams query,
      Map<String, String> headers,
      byte[] body,
      String user,
      String uri,
      String origin,
      Encoding out,
      Optional<Encoding> in)
      throws RestconfException {
    if (segments.isEmpty()) {
      requireRead(method);
      query.allowOnly(Set.of(), "the API root");
      return method.equals("OPTIONS") ? readOnlyOptions() : apiRoot(out);
    }
    String first = segments.get(0);
    var rest = segments.subList(1, segments.size());
    switch (first) {
      case "data":
        return dataResource(
            new DataResources.Store(null, "/restconf/data"),
            new Exchange(method, rest, query, headers, body, user, uri, origin),
            out,
            in,
            headers);
      case "ds":
        {
          if (rest.isEmpty()) {
            throw RestconfException.notFound(
                null, "name a datastore: /restconf/ds/ietf-datastores:running");
          }
          var name = datastore(ApiPath.decode(rest.get(0)));
          return dataResource(
              new DataResources.Store(name, "/restconf/ds/" + rest.get(0)),
              new Exchange(
                  method, rest.subList(1, rest.size()), query, headers, body, user, uri, origin),
              out,
              in,
              headers);
        }
      case "operations":
        {
          var ex = new Exchange(method, rest, query, headers, body, user, uri, origin);
          switch (method) {
            case "GET", "HEAD":
              return operations.list(ex, out);
            case "POST":
              if (rest.isEmpty()) {
                throw RestconfException.methodNotAllowed("POST", "the operations container");
              }
              requireBodyType(ex, in, false);
              return operations.invokeRpc(ex, out, in);
            case "OPTIONS":
              return Exchange.Reply.of(200)
                  .header(
                      "Allow", rest.isEmpty() ? "GET, HEAD, OPTIONS" : "GET, HEAD, OPTIONS, POST");
            default:
              throw RestconfException.methodNotAllowed(method, "an operation resource");
          }
        }
      case "yang-library-version":
        requireRead(method);
        query.allowOnly(Set.of(), "yang-library-version");
        return method.equals("OPTIONS") ? readOnlyOptions() : yangLibraryVersion(out);
      default:
        throw RestconfException.notFound(
            null, "no resource '" + first + "' under /restconf (RFC 8040 §3.3)");
    }
  }

  private Exchange.Reply dataResource(
      DataResources.Store store,
      Exchange ex,
      Encoding out,
      Optional<Encoding> in,
      Map<String, String> headers)
      throws RestconfException {
    switch (ex.method()) {
      case "GET", "HEAD":
        return data.get(ex, store, out);
      case "PUT":
        return data.put(ex, store, requireBodyType(ex, in, true));
      case "POST":
        {
          var target = data.paths().resolve(ex.segments());
          if (target.action().isPresent()) {
            requireBodyType(ex, in, false);
            if (store.name() != null && store.name() != DatastoreName.OPERATIONAL) {
              throw RestconfException.methodNotAllowed(
                  "POST",
                  "an action in a configuration datastore; invoke it on /data or on"
                      + " the operational datastore (RFC 8527 §3.1)");
            }
            return operations.invokeAction(ex, out, in, target);
          }
          return data.post(ex, store, requireBodyType(ex, in, true));
        }
      case "PATCH":
        {
          String type = Encoding.mediaType(headers.get("content-type"));
          var patch = Encoding.ofPatch(type);
          if (patch.isPresent()) {
            return yangPatch.apply(ex, store, patch.get(), out);
          }
          return data.patch(ex, store, requireBodyType(ex, in, true));
        }
      case "DELETE":
        return data.delete(ex, store);
      case "OPTIONS":
        return data.options(ex, store);
      default:
        throw RestconfException.methodNotAllowed(ex.method(), "a data resource");
    }
  }

  /** The data encoding of the body (RFC 8040 §5.2); 415 for another media type. */
  private static Encoding requireBodyType(Exchange ex, Optional<Encoding> in, boolean required)
      throws RestconfException {
    String type = Encoding.mediaType(ex.headers().get("content-type"));
    if (!ex.hasBody()) {
      if (required) {
        throw RestconfException.badRequest(
            ErrorTag.MALFORMED_MESSAGE, ex.method() + " needs a body");
      }
      return Encoding.JSON;
    }
    var encoding = Encoding.ofData(type);
    if (encoding.isEmpty()) {
      throw RestconfException.protocol(
          415,
          ErrorTag.INVALID_VALUE,
          "unsupported Content-Type '"
              + type
              + "'; send application/yang-data+json or application/yang-data+xml (RFC 8040 §5.2)");
    }
    return encoding.get();
  }

  private static void requireRead(String method) throws RestconfException {
    if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
      throw RestconfException.methodNotAllowed(method, "a read-only resource");
    }
  }

  private static DatastoreName datastore(String identity) throws RestconfException {
    String prefix = "ietf-datastores:";
    if (identity.startsWith(prefix)) {
      String local = identity.substring(prefix.length());
      for (var name : DatastoreName.values()) {
        if (name.yangName().equals(local)) {
          return name;
        }
      }
    }
    throw RestconfException.notFound(
        null,
        "no datastore '"
            + identity
            + "'; use ietf-datastores:running, candidate, startup or operational (RFC 8527 §3.1)");
  }

  /** OPTIONS on a resource that can only be read (RFC 8040 §4.1). */
  private static Exchange.Reply readOnlyOptions() {
    return Exchange.Reply.of(200).header("Allow", "GET, HEAD, OPTIONS");
  }

  private static Exchange.Reply hostMeta(String method) throws RestconfException {
    requireRead(method);
    if (method.equals("OPTIONS")) {
      return readOnlyOptions();
    }
    String xrd =
        "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
            + "  <Link rel=\"restconf\" href=\"/restconf\"/>\n"
            + "</XRD>\n";
    return new Exchange.Reply(200, new LinkedHashMap<>(), xrd.getBytes(StandardCharsets.UTF_8));
  }

  private static Exchange.Reply apiRoot(Encoding out) throws RestconfException {
    var body = new ByteArrayOutputStream();
    try {
      if (out == Encoding.JSON) {
        var json = DataCodec.jsonWriter(body);
        json.beginObject().name("ietf-restconf:restconf").beginObject();
        json.name("data").beginObject().endObject();
        json.name("operations").beginObject().endObject();
        json.name("yang-library-version").value(YANG_LIBRARY_VERSION);
        json.endObject().endObject().flush();
      } else {
        DataCodec.xml(
            body,
            xml -> {
              xml.writeStartElement("", "restconf", DataCodec.RESTCONF_NS);
              xml.writeDefaultNamespace(DataCodec.RESTCONF_NS);
              xml.writeEmptyElement(DataCodec.RESTCONF_NS, "data");
              xml.writeEmptyElement(DataCodec.RESTCONF_NS, "operations");
              xml.writeStartElement(DataCodec.RESTCONF_NS, "yang-library-version");
              xml.writeCharacters(YANG_LIBRARY_VERSION);
              xml.writeEndElement();
              xml.writeEndElement();
            });
      }
    } catch (IOException e) {
      throw RestconfException.protocol(500, ErrorTag.OPERATION_FAILED, e.getMessage());
    }
    return new Exchange.Reply(200, new LinkedHashMap<>(), body.toByteArray());
  }

  private static Exchange.Reply yangLibraryVersion(Encoding out) throws RestconfException {
    var body = new ByteArrayOutputStream();
    try {
      if (out == Encoding.JSON) {
        var json = DataCodec.jsonWriter(body);
        json.beginObject().name("ietf-restconf:yang-library-version").value(YANG_LIBRARY_VERSION);
        json.endObject().flush();
      } else {
        DataCodec.xml(
            body,
            xml -> {
              xml.writeStartElement("", "yang-library-version", DataCodec.RESTCONF_NS);
              xml.writeDefaultNamespace(DataCodec.RESTCONF_NS);
              xml.writeCharacters(YANG_LIBRARY_VERSION);
              xml.writeEndElement();
            });
      }
    } catch (IOException e) {
      throw RestconfException.protocol(500, ErrorTag.OPERATION_FAILED, e.getMessage());
    }
    return new Exchange.Reply(200, new LinkedHashMap<>(), body.toByteArray());
  }

  private Exchange.Reply errorReply(Encoding out, int status, List<RpcError> list) {
    var body = new ByteArrayOutputStream();
    try {
      errors.write(out, body, list);
    } catch (IOException e) {
      LOG.warn("cannot write an errors body", e);
    }
    return new Exchange.Reply(status, new LinkedHashMap<>(), body.toByteArray());
  }

  private static byte[] readBody(Request request) throws IOException, RestconfException {
    long declared = request.getLength();
    if (declared > MAX_BODY) {
      throw tooBig();
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw tooBig();
      }
      return bytes;
    }
  }

  private static RestconfException tooBig() {
    return RestconfException.protocol(
        413, ErrorTag.TOO_BIG, "the request body is larger than " + (MAX_BODY >> 20) + " MiB");
  }

  private static String origin(Request request, Map<String, String> headers) {
    String scheme = request.getHttpURI().getScheme();
    if (scheme == null) {
      scheme = request.isSecure() ? "https" : "http";
    }
    String host = headers.get("host");
    if (host == null) {
      host = Request.getServerName(request) + ":" + Request.getServerPort(request);
    }
    return scheme + "://" + host;
  }

  private static void send(
      Request request,
      Response response,
      Callback callback,
      String method,
      Exchange.Reply reply,
      String contentType) {
    response.setStatus(reply.status());
    var h = response.getHeaders();
    for (var header : reply.headers().entrySet()) {
      h.put(header.getKey(), header.getValue());
    }
    h.put("Cache-Control", "no-cache");
    boolean hasBody = reply.body().length > 0;
    if (hasBody) {
      h.put("Content-Type", contentType);
    }
    if (reply.status() == 304 || reply.status() == 204) {
      response.write(true, null, callback);
      return;
    }
    h.put("Content-Length", Integer.toString(reply.body().length));
    if (method.equals("HEAD")) {
      response.write(true, null, callback);
      return;
    }
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }

  /** Ends every open event stream (the server is stopping). */
  void endStreams() {
    streams.close();
  }

  @Override
  public void close() {
    clock.close();
    streams.close();
  }
}
