package io.yamano.broker.rest;

import com.google.gson.JsonParser;
import io.yamano.broker.BrokerException;
import io.yamano.broker.Operation;
import io.yamano.broker.VnfBroker;
import io.yamano.broker.VnfEndpoint;
import io.yamano.broker.VnfSession;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Broker {@code rest}: HTTP calls to {@code scheme://address:port/base-path/path}.
 *
 * <p>Endpoint properties: {@code scheme} ({@code https} by default), {@code base-path} (empty by
 * default), {@code token} (sent as {@code Authorization: Bearer}), {@code header.NAME} (any
 * header). With a username and no token, HTTP basic authentication is used. A body is sent as
 * {@code application/json} and must be valid JSON once rendered.
 */
public final class RestBroker implements VnfBroker {
  /** The broker's name in lifecycle metadata. */
  public static final String NAME = "rest";

  private static final int MAX_ANSWER = 2000;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VnfSession open(VnfEndpoint endpoint) {
    var http =
        HttpClient.newBuilder()
            .connectTimeout(endpoint.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new Session(endpoint, http);
  }

  private static final class Session implements VnfSession {
    private final VnfEndpoint endpoint;
    private final HttpClient http;
    private final String base;

    Session(VnfEndpoint endpoint, HttpClient http) {
      this.endpoint = endpoint;
      this.http = http;
      Map<String, String> p = endpoint.properties();
      String basePath = p.getOrDefault("base-path", "");
      if (!basePath.isEmpty() && !basePath.startsWith("/")) {
        basePath = "/" + basePath;
      }
      if (basePath.endsWith("/")) {
        basePath = basePath.substring(0, basePath.length() - 1);
      }
      this.base = p.getOrDefault("scheme", "https") + "://" + endpoint.address() + basePath;
    }

    @Override
    public String perform(Operation operation) throws BrokerException {
      if (!(operation instanceof Operation.RestCall call)) {
        throw new BrokerException(
            BrokerException.Reason.UNSUPPORTED,
            "the rest broker cannot perform a " + operation.protocol() + " operation");
      }
      String path = call.path().startsWith("/") ? call.path() : "/" + call.path();
      URI uri;
      try {
        uri = URI.create(base + path);
      } catch (IllegalArgumentException e) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA, "bad URL " + base + path + ": " + e.getMessage());
      }
      var request =
          HttpRequest.newBuilder(uri)
              .timeout(endpoint.replyTimeout())
              .header("Accept", "application/json");
      if (call.body() != null && !call.body().isBlank()) {
        try {
          JsonParser.parseString(call.body());
        } catch (RuntimeException e) {
          throw new BrokerException(
              BrokerException.Reason.BAD_METADATA,
              "the rendered body of "
                  + call.method()
                  + " "
                  + path
                  + " is not JSON: "
                  + e.getMessage());
        }
        request
            .header("Content-Type", "application/json")
            .method(
                call.method(),
                HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
      } else {
        request.method(call.method(), HttpRequest.BodyPublishers.noBody());
      }
      authenticate(request);
      HttpResponse<String> response;
      try {
        response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (HttpConnectTimeoutException e) {
        throw new BrokerException(
            BrokerException.Reason.TIMEOUT,
            call.method() + " " + path + ": no connection within " + endpoint.connectTimeout(),
            e);
      } catch (HttpTimeoutException e) {
        throw new BrokerException(
            BrokerException.Reason.TIMEOUT,
            call.method() + " " + path + ": no reply within " + endpoint.replyTimeout(),
            e);
      } catch (ConnectException e) {
        throw new BrokerException(
            BrokerException.Reason.UNREACHABLE,
            call.method() + " " + path + ": cannot connect (" + e + ")",
            e);
      } catch (IOException e) {
        throw new BrokerException(
            BrokerException.Reason.UNREACHABLE, call.method() + " " + path + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException(BrokerException.Reason.TIMEOUT, "interrupted");
      }
      String body = response.body();
      if (!call.accepts(response.statusCode())) {
        String answer =
            "HTTP "
                + response.statusCode()
                + (body == null || body.isBlank() ? "" : " " + shorten(body));
        // a 5xx or 429 may pass; a 4xx is the VNF refusing what was sent
        var reason =
            response.statusCode() >= 500 || response.statusCode() == 429
                ? BrokerException.Reason.UNREACHABLE
                : BrokerException.Reason.REFUSED;
        throw new BrokerException(
            reason, call.method() + " " + path + " refused: " + answer, answer);
      }
      return body == null ? "" : body;
    }

    private void authenticate(HttpRequest.Builder request) {
      Map<String, String> p = endpoint.properties();
      for (var e : p.entrySet()) {
        if (e.getKey().startsWith("header.")) {
          request.header(e.getKey().substring("header.".length()), e.getValue());
        }
      }
      if (p.containsKey("token")) {
        request.header("Authorization", "Bearer " + p.get("token"));
      } else if (endpoint.username() != null) {
        String pair =
            endpoint.username() + ":" + (endpoint.password() == null ? "" : endpoint.password());
        request.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
    }

    private static String shorten(String body) {
      String flat = body.replaceAll("\\s+", " ").trim();
      return flat.length() <= MAX_ANSWER ? flat : flat.substring(0, MAX_ANSWER) + "…";
    }

    @Override
    public void close() {
      // HttpClient has no close() on Java 17; its connections idle out
    }
  }
}
