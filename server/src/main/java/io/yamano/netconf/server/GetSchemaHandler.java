package io.yamano.netconf.server;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.yang.registry.ModuleSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <get-schema>} (<a href="https://www.rfc-editor.org/rfc/rfc6022#section-3.1">RFC 6022
 * §3.1</a>): the YANG text of a loaded module or submodule, in {@code <data>} of the monitoring
 * namespace. Without {@code version}, a name loaded in several revisions is {@code
 * operation-failed} with error-app-tag {@code data-not-unique}; an unknown schema or a format other
 * than {@code yang} is {@code invalid-value}.
 */
final class GetSchemaHandler implements OperationHandler {
  private static final Params.Name IDENTIFIER =
      new Params.Name(Namespaces.MONITORING, "identifier");
  private static final Params.Name VERSION = new Params.Name(Namespaces.MONITORING, "version");
  private static final Params.Name FORMAT = new Params.Name(Namespaces.MONITORING, "format");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(IDENTIFIER, VERSION, FORMAT));
    String identifier = params.required(IDENTIFIER).trimmedText();
    Optional<String> version =
        params.optional(VERSION).map(v -> v.trimmedText()).filter(v -> !v.isEmpty());
    var format = params.optional(FORMAT);
    if (format.isPresent()) {
      String f = format.get().trimmedText();
      String local = f.substring(f.indexOf(':') + 1);
      if (!local.equals("yang")) {
        throw Errors.invalidValue("format", "schemas are available in format yang only, not " + f);
      }
    }
    var registry = request.context().registry();
    if (version.isEmpty()) {
      long revisions =
          registry.sources().stream()
              .filter(s -> s.name().equals(identifier))
              .map(ModuleSource::revision)
              .distinct()
              .count();
      if (revisions > 1) {
        throw new RpcException(
            new RpcError(
                io.yamano.error.ErrorType.PROTOCOL,
                ErrorTag.OPERATION_FAILED,
                Optional.of("data-not-unique"),
                Optional.empty(),
                "'" + identifier + "' is loaded in several revisions; give <version>",
                Map.of()));
      }
    }
    String text =
        registry
            .source(identifier, version)
            .orElseThrow(
                () ->
                    Errors.invalidValue(
                        "identifier",
                        "no schema '"
                            + identifier
                            + "'"
                            + version.map(v -> " revision " + v).orElse("")
                            + " is loaded"));
    return w -> {
      w.writeStartElement("", "data", Namespaces.MONITORING);
      w.writeDefaultNamespace(Namespaces.MONITORING);
      w.writeCharacters(text);
      w.writeEndElement();
    };
  }
}
