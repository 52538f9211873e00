package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.DefaultOperation;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.netconf.message.XmlElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <edit-config>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.2">RFC 6241
 * §7.2</a>) on running or candidate, from inline {@code <config>} or a {@code file:} URL (§8.8).
 *
 * <ul>
 *   <li>{@code default-operation} merge (default), replace or none;
 *   <li>{@code test-option} test-then-set (default) and set commit the edits, validated in full for
 *       running; test-only validates them and changes nothing (§8.6.4.1);
 *   <li>{@code error-option}: stop-on-error (default) aborts at the first failing edit and, as
 *       every edit-config is one transaction, applies nothing; rollback-on-error (§8.5) likewise;
 *       continue-on-error applies every edit that succeeds and reports every failure.
 * </ul>
 */
final class EditConfigHandler implements OperationHandler {
  static final Params.Name TARGET = Params.Name.base("target");
  static final Params.Name DEFAULT_OPERATION = Params.Name.base("default-operation");
  static final Params.Name TEST_OPTION = Params.Name.base("test-option");
  static final Params.Name ERROR_OPTION = Params.Name.base("error-option");
  static final Params.Name CONFIG = Params.Name.base("config");
  static final Params.Name URL = Params.Name.base("url");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params =
        Params.of(
            request.operation(),
            Set.of(TARGET, DEFAULT_OPERATION, TEST_OPTION, ERROR_OPTION, CONFIG, URL));
    var target =
        ((ConfigSource.Datastore)
                ConfigSource.read(
                    params.required(TARGET),
                    EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE),
                    false,
                    false))
            .name();
    var defaultOperation =
        enumParam(
                params.optional(DEFAULT_OPERATION), DefaultOperation::of, "merge, replace or none")
            .orElse(DefaultOperation.MERGE);
    boolean testOnly = testOnly(params.optional(TEST_OPTION));
    var errorOption =
        enumParam(
                params.optional(ERROR_OPTION),
                ErrorOption::of,
                "stop-on-error, continue-on-error or rollback-on-error")
            .orElse(ErrorOption.STOP_ON_ERROR);
    ConfigSource content = content(params);
    apply(request, target, defaultOperation, testOnly, errorOption, content);
    return ReplyBody.OK;
  }

  /** The edit itself, shared with {@code <edit-data>}. */
  static void apply(
      Request request,
      DatastoreName target,
      DefaultOperation defaultOperation,
      boolean testOnly,
      ErrorOption errorOption,
      ConfigSource content)
      throws RpcException {
    var edits =
        request
            .context()
            .editParser()
            .parse(Configs.configElement(request, content), defaultOperation);
    var tx = request.datastore().newTransaction(target);
    var errors = new ArrayList<RpcError>(EditApplier.apply(tx, edits, errorOption));
    if (!errors.isEmpty() && errorOption != ErrorOption.CONTINUE_ON_ERROR) {
      // Every edit-config is one transaction: an aborted one (stop-on-error) leaves nothing
      // half-applied, exactly like rollback-on-error. Only continue-on-error keeps the good edits.
      throw new RpcException(errors);
    }
    try {
      if (testOnly) {
        tx.validate();
      } else {
        tx.commit("edit-config");
      }
    } catch (RpcException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new RpcException(errors);
    }
  }

  /** The {@code <config>} or {@code <url>} parameter: exactly one of them (§7.2). */
  static ConfigSource content(Params params) throws RpcException {
    Optional<XmlElement> config = params.optional(CONFIG);
    Optional<XmlElement> url = params.optional(URL);
    if (config.isPresent() && url.isPresent()) {
      throw Errors.badElement("url", "give either <config> or <url>, not both");
    }
    if (url.isPresent()) {
      return new ConfigSource.Url(url.get().trimmedText());
    }
    return new ConfigSource.Inline(
        config.orElseThrow(
            () -> Errors.missingElement("config", "<edit-config> needs <config> or <url>")));
  }

  private static boolean testOnly(Optional<XmlElement> element) throws RpcException {
    if (element.isEmpty()) {
      return false;
    }
    return switch (element.get().trimmedText()) {
      case "test-then-set", "set" -> false;
      case "test-only" -> true;
      default ->
          throw Errors.invalidValue(
              "test-option",
              "'"
                  + element.get().trimmedText()
                  + "' is not a test-option; use test-then-set, set or test-only");
    };
  }

  private static <T> Optional<T> enumParam(
      Optional<XmlElement> element,
      java.util.function.Function<String, Optional<T>> parse,
      String expected)
      throws RpcException {
    if (element.isEmpty()) {
      return Optional.empty();
    }
    String text = element.get().trimmedText();
    var value = parse.apply(text);
    if (value.isEmpty()) {
      throw Errors.invalidValue(
          element.get().localName(),
          "'" + text + "' is not a valid " + element.get().localName() + "; use " + expected);
    }
    return value;
  }
}
