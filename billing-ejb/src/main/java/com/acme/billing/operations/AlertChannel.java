package com.acme.billing.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where alerts go: always one WARNING line on the {@code com.acme.billing.alert} logger (the alert
 * itself when no webhook is configured), and, with {@code billing.alert.webhook-url}, a JSON POST
 * to that URL, sent in the background so that no request waits for it. The URL is treated as a
 * secret (chat webhooks carry their token in it): it is never logged.
 */
@ApplicationScoped
public class AlertChannel {

  private static final Logger LOG = Logger.getLogger("com.acme.billing.alert");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject
  @ConfigProperty(name = "billing.alert.webhook-url")
  Optional<String> webhookUrl;

  @Inject Clock clock;

  private volatile HttpClient client;

  public void raise(Alert alert) {
    LOG.warning(alert.line());
    target().ifPresent(uri -> post(uri, alert));
  }

  /** The configured URL if it is an absolute http(s) one ({@code ProfileGuard} checks it too). */
  private Optional<URI> target() {
    return webhookUrl.map(String::trim).filter(s -> !s.isEmpty()).flatMap(AlertChannel::httpUri);
  }

  static Optional<URI> httpUri(String value) {
    try {
      URI uri = URI.create(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
              && uri.getHost() != null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void post(URI uri, Alert alert) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
            .build();
    client()
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null || response.statusCode() / 100 != 2) {
                LOG.warning(
                    "alert "
                        + alert.kind()
                        + " was not delivered to billing.alert.webhook-url: "
                        + (failure != null
                            ? failure.getClass().getSimpleName()
                            : "HTTP " + response.statusCode())
                        + " (the line above is the alert)");
              }
            });
  }

  /** The alert as JSON; {@code text} is the log line, so chat webhooks show it as it is. */
  String body(Alert alert) {
    JsonObjectBuilder fields = Json.createObjectBuilder();
    alert.fields().forEach(fields::add);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("alert", alert.kind())
            .add("text", alert.line())
            .add("message", alert.message())
            .add("fields", fields)
            .add("occurredAt", clock.instant().toString());
    if (alert.customerId() != null) {
      body.add("customerId", alert.customerId());
    }
    return body.build().toString();
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        c = client;
      }
    }
    return c;
  }
}
