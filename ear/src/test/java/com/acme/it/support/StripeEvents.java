package com.acme.it.support;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe events as Stripe sends them: built from Stripe's own example objects (fixtures3.json,
 * copied to test resources) with every field, adapted per test, and signed like Stripe signs.
 */
public final class StripeEvents {

  /** The secrets the IT server is configured with (ear/src/test/liberty-server/server.env). */
  public static final String CURRENT_SECRET = "whsec_it_current";

  public static final String PREVIOUS_SECRET = "whsec_it_previous";

  private final Http http;

  public StripeEvents(Http http) {
    this.http = http;
  }

  public static StripeEvents testServer() {
    return new StripeEvents(Http.testServer());
  }

  public static JsonObject fixture(String name) {
    try (InputStream in = StripeEvents.class.getResourceAsStream("/stripe/" + name + ".json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A subscription of {@code customerId} on {@code priceId}, in {@code status}. */
  public static JsonObject subscription(
      String subscriptionId,
      String customerId,
      String priceId,
      String status,
      boolean cancelAtPeriodEnd) {
    JsonObject sub = fixture("subscription");
    long start = Instant.now().minusSeconds(3_600).getEpochSecond();
    long end = start + 30L * 24 * 3_600;
    JsonObject item = sub.getJsonObject("items").getJsonArray("data").getJsonObject(0);
    JsonObject price =
        Json.createObjectBuilder(item.getJsonObject("price")).add("id", priceId).build();
    JsonObject newItem =
        Json.createObjectBuilder(item)
            .add("price", price)
            .add("subscription", subscriptionId)
            .add("current_period_start", start)
            .add("current_period_end", end)
            .build();
    JsonArray data = Json.createArrayBuilder().add(newItem).build();
    return Json.createObjectBuilder(sub)
        .add("id", subscriptionId)
        .add("customer", "cus_" + customerId)
        .add("status", status)
        .add("cancel_at_period_end", cancelAtPeriodEnd)
        .add("billing_cycle_anchor", start)
        .add("metadata", Json.createObjectBuilder().add("customer_id", customerId))
        .add("items", Json.createObjectBuilder(sub.getJsonObject("items")).add("data", data))
        .build();
  }

  /** An invoice of a subscription (named where API 2026-07-29.dahlia puts it). */
  public static JsonObject invoice(String subscriptionId) {
    JsonObject invoice = fixture("invoice");
    JsonObject parent =
        Json.createObjectBuilder()
            .add("type", "subscription_details")
            .add("quote_details", JsonObject.NULL)
            .add(
                "subscription_details",
                Json.createObjectBuilder()
                    .add("metadata", JsonObject.NULL)
                    .add("subscription", subscriptionId))
            .build();
    return Json.createObjectBuilder(invoice)
        .add("id", "in_" + UUID.randomUUID())
        .add("parent", parent)
        .build();
  }

  /** An event of {@code type} carrying {@code object}, created at {@code created} (epoch s). */
  public static String event(
      String eventId, String type, long created, JsonObject object, String apiVersion) {
    JsonObjectBuilder event =
        Json.createObjectBuilder(fixture("event"))
            .add("id", eventId)
            .add("type", type)
            .add("created", created)
            .add("api_version", apiVersion)
            .add("data", Json.createObjectBuilder().add("object", object));
    return event.build().toString();
  }

  public static String event(String eventId, String type, long created, JsonObject object) {
    return event(eventId, type, created, object, Stripe.API_VERSION);
  }

  public static String newEventId() {
    return "evt_" + UUID.randomUUID().toString().replace("-", "");
  }

  public static String signature(String payload, String secret, long timestamp) {
    try {
      return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> deliver(String payload) {
    return deliver(payload, signature(payload, CURRENT_SECRET, Instant.now().getEpochSecond()));
  }

  public HttpResponse<String> deliver(String payload, String signatureHeader) {
    Map<String, String> headers =
        signatureHeader == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", "Stripe-Signature", signatureHeader);
    return http.send("POST", "/billing/webhook", null, headers, payload);
  }
}
