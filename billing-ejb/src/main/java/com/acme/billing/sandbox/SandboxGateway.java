package com.acme.billing.sandbox;

import com.acme.billing.api.Money;
import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.plan.Plans;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.PriceCatalog;
import com.acme.billing.webhook.WebhookSecrets;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in Stripe sandbox (development profile, no API key): checkout and portal URLs are pages
 * of this server that behave like Stripe's hosted pages, and paying delivers Stripe-shaped,
 * correctly signed events to this server's own webhook endpoint, so the webhook code path is the
 * one production uses. Its state lives in memory.
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
public class SandboxGateway implements PaymentGateway {

  /** Stripe's test card that is always declined. */
  public static final String DECLINED_CARD = "4000000000000002";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject PriceCatalog prices;
  @Inject Plans plans;
  @Inject WebhookSecrets secrets;

  @Inject
  @ConfigProperty(name = "HTTP_PORT", defaultValue = "9080")
  String httpPort;

  /** Where browsers reach this server (behind a proxy or load balancer: not localhost). */
  @Inject
  @ConfigProperty(name = "app.public-base-url")
  Optional<String> publicBaseUrl;

  private final Map<String, JsonObject> sessions = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, String> portals = new ConcurrentHashMap<>();
  private final Map<String, String> portalCustomers = new ConcurrentHashMap<>();
  private final SandboxIdempotency idempotency = new SandboxIdempotency();
  private final Map<String, JsonObject> invoices = new ConcurrentHashMap<>();
  private final AtomicLong invoiceNumbers = new AtomicLong();

  /** What the hosted checkout page shows. */
  public record PageSession(String id, String customerId, String priceId, String status) {}

  /** The card was declined; nothing happened. */
  public static class Declined extends RuntimeException {
    public Declined() {
      super("Your card was declined.", null, false, false);
    }
  }

  @Override
  public String createCustomer(String customerId, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        SandboxIdempotency.fingerprint("customer", customerId),
        String.class,
        () -> SandboxObjects.id("cus"));
  }

  @Override
  public Session createCheckoutSession(CheckoutParameters p) {
    return idempotency.once(
        p.idempotencyKey(),
        SandboxIdempotency.fingerprint(
            "checkout",
            p.customerId(),
            p.stripeCustomerId(),
            p.priceId(),
            p.successUrl(),
            p.cancelUrl()),
        Session.class,
        () -> newCheckoutSession(p));
  }

  private Session newCheckoutSession(CheckoutParameters p) {
    String id = SandboxObjects.id("cs");
    JsonObject session =
        SandboxObjects.checkoutSession(
            id,
            p.stripeCustomerId(),
            p.customerId(),
            p.priceId(),
            publicBaseUrl() + "/sandbox/checkout/" + id,
            p.successUrl(),
            p.cancelUrl(),
            Instant.now().getEpochSecond());
    sessions.put(id, session);
    return ApiResource.GSON.fromJson(session, Session.class);
  }

  @Override
  public Optional<Session> findOpenCheckoutSession(String stripeCustomerId, String priceId) {
    return sessions.values().stream()
        .filter(s -> stripeCustomerId.equals(s.get("customer").getAsString()))
        .filter(s -> "open".equals(s.get("status").getAsString()))
        .filter(
            s -> priceId.equals(s.getAsJsonObject("metadata").get("sandbox_price").getAsString()))
        .findFirst()
        .map(s -> ApiResource.GSON.fromJson(s, Session.class));
  }

  @Override
  public Session retrieveCheckoutSession(String sessionId) {
    JsonObject session = sessions.get(sessionId);
    if (session == null) {
      throw new PaymentProviderException(
          PaymentProviderException.Kind.NOT_FOUND,
          "resource_missing",
          "No such checkout session.",
          0);
    }
    return ApiResource.GSON.fromJson(session, Session.class);
  }

  @Override
  public String createPortalSession(
      String stripeCustomerId, String returnUrl, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        SandboxIdempotency.fingerprint("portal", stripeCustomerId, returnUrl),
        String.class,
        () -> {
          String id = SandboxObjects.id("bps");
          portals.put(id, returnUrl);
          portalCustomers.put(id, stripeCustomerId);
          return publicBaseUrl() + "/sandbox/portal/" + id;
        });
  }

  /** The live subscription of the portal's customer, if any (what the portal page manages). */
  public Optional<Subscription> portalSubscription(String portalId) {
    return portalSubscriptionJson(portalId)
        .map(s -> ApiResource.GSON.fromJson(s, Subscription.class));
  }

  /** Portal: switch plan now (with proration), as Stripe's portal does by default. */
  public void portalSwitch(String portalId, String priceId) {
    JsonObject sub = portalSubscriptionJson(portalId).orElseThrow();
    String itemId =
        sub.getAsJsonObject("items")
            .getAsJsonArray("data")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    String subscriptionId = sub.get("id").getAsString();
    // Stripe's portal replaces a pending downgrade's schedule when the customer switches plan.
    releaseScheduleOf(sub);
    changePriceNow(subscriptionId, itemId, priceId, SandboxObjects.id("portal"));
  }

  /** Portal: cancel at period end, or resume. */
  public void portalCancel(String portalId, boolean cancel) {
    JsonObject sub = portalSubscriptionJson(portalId).orElseThrow();
    releaseScheduleOf(sub);
    cancelAtPeriodEnd(sub.get("id").getAsString(), cancel, SandboxObjects.id("portal"));
  }

  /** Portal: a new card; Stripe tells the platform with customer.updated. */
  public void portalUpdateCard(String portalId) {
    String stripeCustomer = portalCustomers.get(portalId);
    JsonObject sub = portalSubscriptionJson(portalId).orElseThrow();
    String customerId = sub.getAsJsonObject("metadata").get("customer_id").getAsString();
    deliver(
        SandboxObjects.event(
            "customer.updated",
            SandboxObjects.customer(stripeCustomer, customerId),
            Instant.now().getEpochSecond()));
  }

  private Optional<JsonObject> portalSubscriptionJson(String portalId) {
    String stripeCustomer = portalCustomers.get(portalId);
    return subscriptions.values().stream()
        .filter(
            s -> stripeCustomer != null && stripeCustomer.equals(s.get("customer").getAsString()))
        .filter(s -> "active".equals(s.get("status").getAsString()))
        .findFirst();
  }

  @Override
  public Subscription retrieveSubscription(String subscriptionId) {
    return ApiResource.GSON.fromJson(liveSubscription(subscriptionId), Subscription.class);
  }

  @Override
  public Subscription changePriceNow(
      String subscriptionId, String itemId, String priceId, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        SandboxIdempotency.fingerprint("upgrade", subscriptionId, itemId, priceId),
        Subscription.class,
        () -> {
          JsonObject sub = liveSubscription(subscriptionId);
          synchronized (sub) {
            JsonObject price =
                sub.getAsJsonObject("items")
                    .getAsJsonArray("data")
                    .get(0)
                    .getAsJsonObject()
                    .getAsJsonObject("price");
            Money before = price(price.get("id").getAsString());
            Money after = price(priceId);
            price.addProperty("id", priceId);
            Subscription changed = updated(sub);
            // proration_behavior=always_invoice: the difference is invoiced and paid at once (the
            // sandbox charges the whole difference; Stripe prorates it by the time left).
            invoice(
                sub,
                new Money(Math.max(0, after.amount() - before.amount()), after.currency()),
                Instant.now().getEpochSecond());
            return changed;
          }
        });
  }

  /**
   * Attaches a schedule that switches the price at period end, as Stripe's subscription schedules
   * do; while it is attached, the cancellation cannot be changed directly (see {@link
   * #cancelAtPeriodEnd}). The sandbox has no clock: the switch itself is not played out.
   */
  @Override
  public void changePriceAtPeriodEnd(
      String subscriptionId,
      String existingScheduleId,
      String currentPriceId,
      String newPriceId,
      long periodStart,
      long periodEnd,
      boolean yearly,
      String idempotencyKey) {
    idempotency.once(
        idempotencyKey,
        SandboxIdempotency.fingerprint("downgrade", subscriptionId, newPriceId, periodEnd, yearly),
        Subscription.class,
        () -> {
          JsonObject sub = liveSubscription(subscriptionId);
          synchronized (sub) {
            String scheduleId =
                existingScheduleId != null ? existingScheduleId : SandboxObjects.id("sub_sched");
            sub.addProperty("schedule", scheduleId);
            return updated(sub);
          }
        });
  }

  @Override
  public void releaseSchedule(String scheduleId, String idempotencyKey) {
    idempotency.once(
        idempotencyKey,
        SandboxIdempotency.fingerprint("release", scheduleId),
        String.class,
        () -> {
          JsonObject sub =
              subscriptions.values().stream()
                  .filter(s -> s.has("schedule") && scheduleId.equals(stringOrNull(s, "schedule")))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new PaymentProviderException(
                              PaymentProviderException.Kind.REJECTED,
                              "resource_missing",
                              "No such subscription schedule: " + scheduleId,
                              0));
          releaseScheduleOf(sub);
          return scheduleId;
        });
  }

  private void releaseScheduleOf(JsonObject sub) {
    synchronized (sub) {
      String scheduleId = stringOrNull(sub, "schedule");
      if (scheduleId != null) {
        sub.add("schedule", JsonNull.INSTANCE);
        updated(sub);
      }
    }
  }

  @Override
  public Subscription cancelAtPeriodEnd(
      String subscriptionId, boolean cancel, String idempotencyKey) {
    return idempotency.once(
        idempotencyKey,
        SandboxIdempotency.fingerprint("cancel_at_period_end", subscriptionId, cancel),
        Subscription.class,
        () -> {
          JsonObject sub = liveSubscription(subscriptionId);
          synchronized (sub) {
            String scheduleId = stringOrNull(sub, "schedule");
            if (scheduleId != null) {
              throw new PaymentProviderException(
                  PaymentProviderException.Kind.REJECTED,
                  "invalid_request_error",
                  "The subscription is managed by the subscription schedule `"
                      + scheduleId
                      + "`, and updating any cancelation behavior directly is not allowed."
                      + " Please update the schedule instead.",
                  0);
            }
            sub.addProperty("cancel_at_period_end", cancel);
            return updated(sub);
          }
        });
  }

  /** Tells the webhook, as Stripe does, and answers the subscription as it is now. */
  private Subscription updated(JsonObject sub) {
    deliver(
        SandboxObjects.event("customer.subscription.updated", sub, Instant.now().getEpochSecond()));
    return ApiResource.GSON.fromJson(sub, Subscription.class);
  }

  private static String stringOrNull(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private JsonObject liveSubscription(String subscriptionId) {
    JsonObject sub = subscriptions.get(subscriptionId);
    if (sub == null) {
      // The sandbox keeps its objects in memory: a restart forgets them.
      throw new PaymentProviderException(
          PaymentProviderException.Kind.NOT_FOUND,
          "resource_missing",
          "The sandbox has no subscription " + subscriptionId + " (it forgets them on restart).",
          0);
    }
    return sub;
  }

  public Optional<PageSession> page(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId))
        .map(
            s ->
                new PageSession(
                    sessionId,
                    s.get("client_reference_id").getAsString(),
                    s.getAsJsonObject("metadata").get("sandbox_price").getAsString(),
                    s.get("status").getAsString()));
  }

  /**
   * Pays an open session with a test card: the subscription starts, and the signed events
   * (checkout.session.completed, customer.subscription.created) are delivered to this server's
   * webhook before the browser is sent to the success URL.
   *
   * @return the success URL with the session id filled in
   * @throws Declined for the declining test card
   */
  public synchronized String pay(String sessionId, String card) {
    JsonObject session = sessions.get(sessionId);
    if (session == null || !"open".equals(session.get("status").getAsString())) {
      throw new IllegalStateException("this checkout session is not open");
    }
    if (DECLINED_CARD.equals(card.replaceAll("\\s", ""))) {
      throw new Declined();
    }
    long now = Instant.now().getEpochSecond();
    String priceId = session.getAsJsonObject("metadata").get("sandbox_price").getAsString();
    boolean yearly =
        prices
            .byPriceId(priceId)
            .map(t -> PriceCatalog.YEARLY.equals(t.billingPeriod()))
            .orElse(false);
    String subscriptionId = SandboxObjects.id("sub");
    JsonObject subscription =
        SandboxObjects.subscription(
            subscriptionId,
            session.get("customer").getAsString(),
            session.get("client_reference_id").getAsString(),
            priceId,
            yearly,
            now);
    subscriptions.put(subscriptionId, subscription);
    session.addProperty("status", "complete");
    session.addProperty("payment_status", "paid");
    session.addProperty("subscription", subscriptionId);
    deliver(SandboxObjects.event("checkout.session.completed", session, now));
    deliver(SandboxObjects.event("customer.subscription.created", subscription, now));
    invoice(subscription, price(priceId), now);
    return session.get("success_url").getAsString().replace("{CHECKOUT_SESSION_ID}", sessionId);
  }

  /**
   * @return where the hosted page sends the browser when the customer cancels
   */
  public String cancel(String sessionId) {
    JsonObject session = sessions.get(sessionId);
    if (session == null) {
      throw new IllegalStateException("no such checkout session");
    }
    return session.get("cancel_url").getAsString();
  }

  public Optional<String> portalReturnUrl(String portalId) {
    return Optional.ofNullable(portals.get(portalId));
  }

  private Money price(String priceId) {
    return prices
        .byPriceId(priceId)
        .map(t -> plans.tier(t.tierId()).price(t.billingPeriod()))
        .orElseThrow(() -> new IllegalStateException("no tier has the price " + priceId));
  }

  /** Makes a paid invoice of the subscription's current period and sends its invoice.paid. */
  private void invoice(JsonObject subscription, Money amount, long now) {
    JsonObject item =
        subscription.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
    String invoiceId = SandboxObjects.id("in");
    JsonObject invoice =
        SandboxObjects.paidInvoice(
            invoiceId,
            String.format("SANDBOX-%04d", invoiceNumbers.incrementAndGet()),
            subscription.get("customer").getAsString(),
            subscription.get("id").getAsString(),
            amount.amount(),
            amount.currency(),
            item.get("current_period_start").getAsLong(),
            item.get("current_period_end").getAsLong(),
            publicBaseUrl() + "/sandbox/invoices/" + invoiceId,
            now);
    invoices.put(invoiceId, invoice);
    deliver(SandboxObjects.event("invoice.paid", invoice, now));
  }

  /**
   * A top-up as Stripe charges it: a paid invoice of its own (no subscription) and its signed
   * {@code invoice.paid}. The sandbox has no cards on file, so the payment always succeeds; a
   * failure is delivered as Stripe would, by an {@code invoice.payment_failed} event.
   */
  @Override
  public ChargedInvoice chargeTopUp(TopUpCharge charge) {
    return idempotency.once(
        charge.idempotencyKey(),
        SandboxIdempotency.fingerprint(
            "top_up",
            charge.stripeCustomerId(),
            charge.resource(),
            String.valueOf(charge.quantity()),
            String.valueOf(charge.amount())),
        ChargedInvoice.class,
        () -> {
          long now = Instant.now().getEpochSecond();
          String invoiceId = SandboxObjects.id("in");
          JsonObject invoice =
              SandboxObjects.paidInvoice(
                  invoiceId,
                  String.format("SANDBOX-%04d", invoiceNumbers.incrementAndGet()),
                  charge.stripeCustomerId(),
                  null,
                  charge.amount(),
                  charge.currency(),
                  now,
                  now,
                  publicBaseUrl() + "/sandbox/invoices/" + invoiceId,
                  now);
          invoice.addProperty("description", charge.description());
          JsonObject metadata = new JsonObject();
          metadata.addProperty(TOP_UP_METADATA, charge.idempotencyKey());
          metadata.addProperty("customer_id", charge.customerId());
          invoice.add("metadata", metadata);
          invoices.put(invoiceId, invoice);
          // Stripe sends the event after answering the pay request: so does the sandbox, from
          // another thread, so the purchase's own transaction is not waited for.
          String event = SandboxObjects.event("invoice.paid", invoice, now);
          CompletableFuture.runAsync(() -> deliver(event));
          return new ChargedInvoice(invoiceId, "paid");
        });
  }

  /** An invoice the sandbox made, for its hosted invoice page. */
  public Optional<JsonObject> invoice(String invoiceId) {
    return Optional.ofNullable(invoices.get(invoiceId)).map(JsonObject::deepCopy);
  }

  private void deliver(String payload) {
    String secret = secrets.secrets().get(0);
    try {
      String signature =
          Webhook.Signature.generateSignatureHeader(
              payload, secret, Instant.now().getEpochSecond());
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(localBaseUrl() + "/billing/webhook"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("Stripe-Signature", signature)
                  .POST(HttpRequest.BodyPublishers.ofString(payload))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("the webhook answered " + response.statusCode());
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the sandbox could not deliver its event", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted delivering a sandbox event", e);
    }
  }

  /** The hosted pages' address for the browser: the public base URL, else this server's own. */
  String publicBaseUrl() {
    return publicBaseUrl
        .map(String::trim)
        .filter(url -> !url.isEmpty())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .orElseGet(this::localBaseUrl);
  }

  /** Where the sandbox delivers its events: this server itself, never through the proxy. */
  private String localBaseUrl() {
    return "http://localhost:" + httpPort;
  }
}
