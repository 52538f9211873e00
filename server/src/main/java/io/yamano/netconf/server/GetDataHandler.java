package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.WithDefaultsMode;
import io.yamano.netconf.message.ReplyBody;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * {@code <get-data>} (<a href="https://www.rfc-editor.org/rfc/rfc8526#section-3.1.1">RFC 8526
 * §3.1.1</a>): any NMDA datastore, running, candidate, startup or operational (running merged with
 * state, see {@link StateView}), with a subtree or XPath filter, config-filter and with-defaults.
 * {@code max-depth} is accepted as {@code unbounded} only; origin metadata is not offered (feature
 * {@code origin} not announced), so {@code with-origin} is an unknown element.
 */
final class GetDataHandler implements OperationHandler {
  private static final Params.Name DATASTORE = nmda("datastore");
  private static final Params.Name SUBTREE = nmda("subtree-filter");
  private static final Params.Name XPATH = nmda("xpath-filter");
  private static final Params.Name CONFIG_FILTER = nmda("config-filter");
  private static final Params.Name MAX_DEPTH = nmda("max-depth");
  private static final Params.Name WITH_DEFAULTS = nmda("with-defaults");

  static Params.Name nmda(String localName) {
    return new Params.Name(Namespaces.NMDA, localName);
  }

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params =
        Params.of(
            request.operation(),
            Set.of(DATASTORE, SUBTREE, XPATH, CONFIG_FILTER, MAX_DEPTH, WITH_DEFAULTS));
    var datastore = NmdaDatastores.read(request, params.required(DATASTORE));
    if (params.optional(SUBTREE).isPresent() && params.optional(XPATH).isPresent()) {
      throw Errors.badElement("xpath-filter", "give subtree-filter or xpath-filter, not both");
    }
    var maxDepth = params.optional(MAX_DEPTH).map(e -> e.trimmedText());
    if (maxDepth.isPresent() && !maxDepth.get().equals("unbounded")) {
      throw Errors.notSupported("max-depth other than unbounded is not supported");
    }
    Optional<Boolean> configFilter = Optional.empty();
    if (params.optional(CONFIG_FILTER).isPresent()) {
      String v = params.optional(CONFIG_FILTER).get().trimmedText();
      if (!v.equals("true") && !v.equals("false")) {
        throw Errors.invalidValue("config-filter", "config-filter is true or false, not " + v);
      }
      configFilter = Optional.of(v.equals("true"));
    }
    // RFC 8342 §5.3: <operational> holds the configuration in use, default values included.
    WithDefaultsMode mode =
        datastore == DatastoreName.OPERATIONAL
            ? WithDefaultsMode.REPORT_ALL
            : WithDefaultsMode.EXPLICIT;
    if (params.optional(WITH_DEFAULTS).isPresent()) {
      String v = params.optional(WITH_DEFAULTS).get().trimmedText();
      mode =
          WithDefaultsMode.of(v)
              .orElseThrow(
                  () ->
                      Errors.invalidValue(
                          "with-defaults", "'" + v + "' is not a with-defaults mode"));
    }
    DataQuery.Filter filter = new DataQuery.Filter.All();
    if (params.optional(SUBTREE).isPresent()) {
      filter = new DataQuery.Filter.Subtree(request.dom(params.optional(SUBTREE).get()));
    } else if (params.optional(XPATH).isPresent()) {
      var x = params.optional(XPATH).get();
      filter = new DataQuery.Filter.XPath(x.trimmedText(), DataQuery.inScope(request.dom(x)));
    }
    ContainerNode root =
        datastore == DatastoreName.OPERATIONAL
            ? StateView.operational(request)
            : Configs.root(request, datastore);
    var data = DataQuery.apply(request, filter, root);
    if (configFilter.isPresent()) {
      data = new ConfigFilter(configFilter.get()).apply(data, request.context().schema());
    }
    var ctx = request.context();
    // defaults of nodes the user may not read are not reported either (RFC 8341 §3.4.5)
    boolean restricted =
        DataQuery.reportsDefaults(mode) && !request.datastore().access().readsEverything();
    var finalData = restricted ? DataQuery.withVisibleDefaults(request, data) : data;
    var finalMode = mode;
    return w -> {
      w.writeStartElement("", "data", Namespaces.NMDA);
      w.writeDefaultNamespace(Namespaces.NMDA);
      ctx.dataWriter().writeChildren(w, finalData, finalMode, !restricted);
      w.writeEndElement();
    };
  }
}
