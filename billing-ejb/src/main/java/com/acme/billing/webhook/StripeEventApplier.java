package com.acme.billing.webhook;

import com.acme.billing.invoice.InvoiceFacts;
import com.acme.billing.invoice.InvoiceHistory;
import com.acme.billing.operations.BillingFact;
import com.acme.billing.overage.TopUpFailures;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.StripeCustomers;
import com.acme.billing.stripe.StripeSubscriptionReader;
import com.acme.billing.subscription.StripeSubscriptionState;
import com.acme.billing.subscription.SubscriptionService;
import com.stripe.Stripe;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Stores a verified Stripe event and applies its effect in one transaction, reading the event only
 * through stripe-java's typed objects. The event row is inserted first: a concurrent delivery of
 * the same event waits on its primary key and then fails, so the effect happens once.
 */
@Stateless
public class StripeEventApplier {

  static final String PROCESSING = "processing";
  static final String DUPLICATE = "duplicate";

  @EJB WebhookStore store;
  @EJB SubscriptionService subscriptions;
  @Inject StripeCustomers customers;
  @Inject InvoiceHistory invoices;
  @EJB TopUpFailures topUpFailures;
  @Inject StripeSubscriptionReader reader;
  @Inject PaymentGateway gateway;
  @Inject jakarta.enterprise.event.Event<BillingFact> facts;

  /**
   * @return processed, ignored, stale or duplicate
   */
  public String apply(Event event, String payload) {
    return apply(event, payload, false);
  }

  /**
   * @param replay an admin replay: an ignored event is applied again too, not only a failed one
   * @return processed, ignored, stale or duplicate
   */
  public String apply(Event event, String payload, boolean replay) {
    Optional<String> stored = store.lockStatus(event.getId());
    if (!WebhookEventStatus.shouldApply(stored, replay)) {
      return DUPLICATE;
    }
    long created = event.getCreated();
    store.save(
        event.getId(),
        event.getType(),
        created,
        event.getApiVersion(),
        payload,
        PROCESSING,
        null,
        stored.isPresent());
    Outcome outcome;
    try {
      outcome = dispatch(event);
    } catch (OtherApiVersionException e) {
      // typed() fails before a handler runs: stored as ignored, acknowledged, replayable.
      outcome = new Outcome(SubscriptionService.IGNORED, e.getMessage());
    }
    store.save(
        event.getId(),
        event.getType(),
        created,
        event.getApiVersion(),
        payload,
        SubscriptionService.APPLIED.equals(outcome.result())
            ? WebhookStore.PROCESSED
            : WebhookStore.IGNORED,
        outcome.detail(),
        true);
    return outcome.result();
  }

  private record Outcome(String result, String detail) {}

  private Outcome dispatch(Event event) {
    String actor = "stripe:" + event.getId();
    String type = event.getType();
    return switch (type) {
      case "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.paused",
          "customer.subscription.resumed",
          "customer.subscription.deleted" ->
          subscription(event, typed(event, Subscription.class), type.endsWith(".deleted"), actor);
      case "invoice.payment_failed" -> {
        Invoice invoice = typed(event, Invoice.class);
        yield withHistory(event, invoice, paymentFailed(event, invoice, actor));
      }
      case "invoice.paid" -> {
        Invoice invoice = typed(event, Invoice.class);
        yield withHistory(event, invoice, invoicePaid(invoice, actor));
      }
      // The billing history only: the payment outcome comes with invoice.paid / payment_failed.
      case "invoice.created",
          "invoice.finalized",
          "invoice.updated",
          "invoice.voided",
          "invoice.marked_uncollectible" ->
          withHistory(
              event,
              typed(event, Invoice.class),
              new Outcome(SubscriptionService.IGNORED, "not a payment outcome"));
      case "checkout.session.completed" -> checkoutCompleted(typed(event, Session.class));
      case "customer.created", "customer.updated" ->
          customer(typed(event, com.stripe.model.Customer.class));
      // Recorded for the alerts that read them; the subscription events carry the state change.
      case "customer.subscription.trial_will_end", "invoice.payment_action_required" ->
          new Outcome(SubscriptionService.APPLIED, "recorded");
      default -> new Outcome(SubscriptionService.IGNORED, "event type not handled");
    };
  }

  private Outcome subscription(Event event, Subscription sub, boolean deleted, String actor) {
    Optional<String> customerId = reader.customerOf(sub);
    if (customerId.isEmpty()) {
      return new Outcome(
          SubscriptionService.IGNORED,
          "subscription "
              + sub.getId()
              + " belongs to no known customer (no metadata customer_id)");
    }
    StripeSubscriptionState state = reader.state(sub, deleted);
    String result =
        subscriptions.applyStripeSubscription(
            customerId.get(),
            state,
            event.getCreated(),
            tied -> reader.state(gateway.retrieveSubscription(tied.subscriptionId()), false),
            actor);
    if (SubscriptionService.STALE.equals(result)) {
      return new Outcome(result, "older than the mirror");
    }
    return new Outcome(
        result,
        state.unknownPriceId() == null
            ? null
            : "warning: price "
                + state.unknownPriceId()
                + " maps to no tier; FREE granted (audit unknown_price)");
  }

  private Outcome paymentFailed(Event event, Invoice invoice, String actor) {
    // A top-up's failure is announced by TopUpFailures, which knows its customer.
    if (topUpFailures.paymentFailed(invoice.getId(), actor)) {
      return new Outcome(SubscriptionService.APPLIED, "top-up payment failed: headroom withdrawn");
    }
    String subscriptionId = subscriptionOf(invoice);
    if (subscriptionId == null) {
      return new Outcome(SubscriptionService.IGNORED, "invoice without a subscription");
    }
    String result =
        subscriptions.markPaymentFailed(subscriptionId, invoice.getId(), event.getCreated(), actor);
    return new Outcome(
        result,
        SubscriptionService.STALE.equals(result)
            ? "the invoice is paid, or a newer event was applied"
            : null);
  }

  private Outcome invoicePaid(Invoice invoice, String actor) {
    String subscriptionId = subscriptionOf(invoice);
    if (subscriptionId == null) {
      return new Outcome(SubscriptionService.IGNORED, "invoice without a subscription");
    }
    return new Outcome(subscriptions.markInvoicePaid(subscriptionId, invoice.getId(), actor), null);
  }

  /**
   * Records the invoice in its customer's billing history besides what the event did to the
   * subscription: the event counts as applied when either changed something.
   */
  private Outcome withHistory(Event event, Invoice invoice, Outcome subscriptionPart) {
    Optional<String> customerId =
        Optional.ofNullable(invoice.getCustomer()).flatMap(customers::customerFor);
    if (customerId.isEmpty()) {
      return SubscriptionService.APPLIED.equals(subscriptionPart.result())
          ? subscriptionPart
          : new Outcome(
              subscriptionPart.result(),
              "invoice of no known customer, in no billing history ("
                  + subscriptionPart.detail()
                  + ")");
    }
    boolean recorded =
        invoices.record(customerId.get(), InvoiceFacts.of(invoice), event.getCreated());
    if (SubscriptionService.APPLIED.equals(subscriptionPart.result()) || !recorded) {
      return subscriptionPart;
    }
    return new Outcome(
        SubscriptionService.APPLIED,
        "recorded in the billing history ("
            + (subscriptionPart.detail() == null
                ? subscriptionPart.result()
                : subscriptionPart.detail())
            + ")");
  }

  /** The invoice's subscription (API 2026-07-29.dahlia: under parent.subscription_details). */
  private static String subscriptionOf(Invoice invoice) {
    return invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null
        ? null
        : invoice.getParent().getSubscriptionDetails().getSubscription();
  }

  private Outcome checkoutCompleted(Session session) {
    if (session.getClientReferenceId() != null && session.getCustomer() != null) {
      customers.rememberOnce(session.getClientReferenceId(), session.getCustomer());
    }
    // Stripe sends this event once per session and a duplicate delivery is not applied again.
    facts.fire(new BillingFact.CheckoutCompleted(session.getClientReferenceId(), session.getId()));
    return new Outcome(
        SubscriptionService.APPLIED, "customer remembered; the subscription events grant access");
  }

  private Outcome customer(com.stripe.model.Customer customer) {
    String ours =
        customer.getMetadata() == null
            ? null
            : customer.getMetadata().get(StripeSubscriptionReader.CUSTOMER_ID_METADATA);
    if (ours == null) {
      return new Outcome(SubscriptionService.IGNORED, "customer without metadata customer_id");
    }
    customers.rememberOnce(ours, customer.getId());
    return new Outcome(SubscriptionService.APPLIED, null);
  }

  /**
   * The event's object as stripe-java's typed class, or a clear failure naming the API versions.
   */
  private static <T extends StripeObject> T typed(Event event, Class<T> type) {
    Optional<StripeObject> object;
    try {
      object = event.getDataObjectDeserializer().getObject();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "event " + event.getId() + " cannot be read: " + e.getMessage(), e);
    }
    StripeObject found =
        object.orElseThrow(
            () ->
                new OtherApiVersionException(
                    "event "
                        + event.getId()
                        + " has API version "
                        + event.getApiVersion()
                        + "; this server reads "
                        + Stripe.API_VERSION
                        + ". Set the webhook endpoint's API version to "
                        + Stripe.API_VERSION
                        + "; the event can be replayed once the server reads its version"));
    if (!type.isInstance(found)) {
      throw new IllegalStateException(
          "event "
              + event.getId()
              + " of type "
              + event.getType()
              + " carries a "
              + found.getClass().getSimpleName());
    }
    return type.cast(found);
  }

  /** The event's object is of an API version this server's stripe-java does not read. */
  private static final class OtherApiVersionException extends RuntimeException {
    OtherApiVersionException(String message) {
      super(message, null, false, false);
    }
  }
}
