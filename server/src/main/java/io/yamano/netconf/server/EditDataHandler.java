package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.DefaultOperation;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <edit-data>} (<a href="https://www.rfc-editor.org/rfc/rfc8526#section-3.2.1">RFC 8526
 * §3.2.1</a>): the edit of {@code <edit-config>} on a writable NMDA datastore (running or
 * candidate); any other datastore is {@code invalid-value}.
 */
final class EditDataHandler implements OperationHandler {
  private static final Params.Name DATASTORE = GetDataHandler.nmda("datastore");
  private static final Params.Name DEFAULT_OPERATION = GetDataHandler.nmda("default-operation");
  private static final Params.Name CONFIG = GetDataHandler.nmda("config");
  private static final Params.Name URL = GetDataHandler.nmda("url");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(DATASTORE, DEFAULT_OPERATION, CONFIG, URL));
    var datastore = NmdaDatastores.read(request, params.required(DATASTORE));
    if (datastore != DatastoreName.RUNNING && datastore != DatastoreName.CANDIDATE) {
      throw Errors.invalidValue(
          "datastore",
          "the " + datastore.yangName() + " datastore cannot be edited with edit-data");
    }
    var defaultOperation = DefaultOperation.MERGE;
    if (params.optional(DEFAULT_OPERATION).isPresent()) {
      String v = params.optional(DEFAULT_OPERATION).get().trimmedText();
      defaultOperation =
          DefaultOperation.of(v)
              .orElseThrow(
                  () ->
                      Errors.invalidValue(
                          "default-operation", "'" + v + "' is not merge, replace or none"));
    }
    var config = params.optional(CONFIG);
    var url = params.optional(URL);
    if (config.isPresent() == url.isPresent()) {
      throw config.isPresent()
          ? Errors.badElement("url", "give either <config> or <url>, not both")
          : Errors.missingElement("config", "<edit-data> needs <config> or <url>");
    }
    ConfigSource content =
        config.isPresent()
            ? new ConfigSource.Inline(config.get())
            : new ConfigSource.Url(url.get().trimmedText());
    EditConfigHandler.apply(
        request, datastore, defaultOperation, false, ErrorOption.STOP_ON_ERROR, content);
    return ReplyBody.OK;
  }
}
