package com.acme.billing.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stripe-shaped JSON for the sandbox, built from Stripe's example objects with every field and the
 * API version stripe-java pins, so the webhook code reads them as it reads Stripe's.
 */
final class SandboxObjects {

  private SandboxObjects() {}

  static String id(String prefix) {
    return prefix + "_sandbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  static JsonObject fixture(String name) {
    try (InputStream in =
        SandboxObjects.class.getClassLoader().getResourceAsStream("sandbox/" + name + ".json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject customer(String stripeCustomerId, String customerId) {
    JsonObject customer = fixture("customer");
    customer.addProperty("id", stripeCustomerId);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("customer_id", customerId);
    customer.add("metadata", metadata);
    return customer;
  }

  static JsonObject checkoutSession(
      String sessionId,
      String stripeCustomerId,
      String customerId,
      String priceId,
      String url,
      String successUrl,
      String cancelUrl,
      long now) {
    JsonObject session = fixture("checkout_session");
    session.addProperty("id", sessionId);
    session.addProperty("object", "checkout.session");
    session.addProperty("mode", "subscription");
    session.addProperty("status", "open");
    session.addProperty("payment_status", "unpaid");
    session.addProperty("customer", stripeCustomerId);
    session.addProperty("client_reference_id", customerId);
    session.addProperty("url", url);
    session.addProperty("success_url", successUrl);
    session.addProperty("cancel_url", cancelUrl);
    session.addProperty("created", now);
    session.addProperty("expires_at", now + 24 * 3600);
    session.add("subscription", null);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("customer_id", customerId);
    metadata.addProperty("sandbox_price", priceId);
    session.add("metadata", metadata);
    return session;
  }

  static JsonObject subscription(
      String subscriptionId,
      String stripeCustomerId,
      String customerId,
      String priceId,
      boolean yearly,
      long now) {
    JsonObject sub = fixture("subscription");
    long end = yearly ? now + 365L * 24 * 3600 : now + 30L * 24 * 3600;
    sub.addProperty("id", subscriptionId);
    sub.addProperty("customer", stripeCustomerId);
    sub.addProperty("status", "active");
    sub.addProperty("created", now);
    sub.addProperty("start_date", now);
    sub.addProperty("billing_cycle_anchor", now);
    sub.addProperty("cancel_at_period_end", false);
    sub.add("cancel_at", null);
    sub.add("canceled_at", null);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("customer_id", customerId);
    sub.add("metadata", metadata);
    JsonObject items = sub.getAsJsonObject("items");
    JsonObject item = items.getAsJsonArray("data").get(0).getAsJsonObject();
    item.addProperty("subscription", subscriptionId);
    item.addProperty("current_period_start", now);
    item.addProperty("current_period_end", end);
    item.getAsJsonObject("price").addProperty("id", priceId);
    JsonArray data = new JsonArray();
    data.add(item);
    items.add("data", data);
    return sub;
  }

  /**
   * A paid invoice, as Stripe sends it with {@code invoice.paid}: of a subscription, or one-off (a
   * top-up) when {@code subscriptionId} is null.
   */
  static JsonObject paidInvoice(
      String invoiceId,
      String number,
      String stripeCustomerId,
      String subscriptionId,
      long amount,
      String currency,
      long periodStart,
      long periodEnd,
      String hostedUrl,
      long now) {
    JsonObject invoice = fixture("invoice");
    invoice.addProperty("id", invoiceId);
    invoice.addProperty("number", number);
    invoice.addProperty("customer", stripeCustomerId);
    invoice.addProperty("status", "paid");
    invoice.addProperty("currency", currency);
    invoice.addProperty("amount_due", amount);
    invoice.addProperty("amount_paid", amount);
    invoice.addProperty("amount_remaining", 0);
    invoice.addProperty("subtotal", amount);
    invoice.addProperty("total", amount);
    invoice.addProperty("created", now);
    invoice.addProperty("period_start", periodStart);
    invoice.addProperty("period_end", periodEnd);
    invoice.addProperty("hosted_invoice_url", hostedUrl);
    invoice.addProperty("invoice_pdf", hostedUrl + "/pdf");
    if (subscriptionId == null) {
      invoice.add("parent", null); // a one-off invoice
      return invoice;
    }
    JsonObject details = new JsonObject();
    details.add("metadata", null);
    details.addProperty("subscription", subscriptionId);
    JsonObject parent = new JsonObject();
    parent.add("quote_details", null);
    parent.add("subscription_details", details);
    parent.addProperty("type", "subscription_details");
    invoice.add("parent", parent);
    return invoice;
  }

  static String event(String type, JsonObject object, long created) {
    JsonObject event = fixture("event");
    event.addProperty("id", id("evt"));
    event.addProperty("type", type);
    event.addProperty("created", created);
    event.addProperty("api_version", Stripe.API_VERSION);
    JsonObject data = new JsonObject();
    data.add("object", object);
    event.add("data", data);
    return event.toString();
  }
}
