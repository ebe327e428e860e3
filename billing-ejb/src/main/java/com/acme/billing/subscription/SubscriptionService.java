package com.acme.billing.subscription;

import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.MirrorCorrection;
import com.acme.billing.api.SubscriptionRecord;
import com.acme.billing.audit.AuditLog;
import com.acme.billing.operations.BillingFact;
import com.acme.billing.operations.BillingFact.DuplicateSubscriptionFound;
import com.acme.billing.operations.BillingFact.PaymentRecorded;
import com.acme.billing.plan.Plans;
import com.acme.billing.subscription.SubscriptionRules.Order;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes the subscription mirror (the status view is {@code status.SubscriptionStatusService}).
 * Every write first locks the customer's account row, so that ordering, ties and duplicates are
 * decided one change at a time (the rules themselves are {@link SubscriptionRules}); every write is
 * audited and invalidates the cache.
 */
@Stateless
public class SubscriptionService {

  static final Set<String> STRIPE_STATUSES =
      Set.of(
          "active",
          "trialing",
          "past_due",
          "canceled",
          "unpaid",
          "incomplete",
          "incomplete_expired",
          "paused");
  static final Set<String> PERIODS = Set.of("monthly", "yearly");

  /** Audit actions a person may have to act on. */
  public static final String DUPLICATE_SUBSCRIPTION = "duplicate_subscription";

  public static final String UNKNOWN_PRICE = "unknown_price";

  @Inject SubscriptionRepository repository;
  @Inject InvoiceStates invoices;
  @EJB CustomerAccounts accounts;
  @Inject DecidingSubscription deciding;
  @EJB Plans plans;
  @EJB AuditLog audit;
  @Inject Event<SubscriptionChanged> changed;
  @Inject Event<BillingFact> facts;
  @Inject Clock clock;

  /** Every subscription of the customer the mirror knows, the most recently changed first. */
  public List<SubscriptionRecord> subscriptions(String customerId) {
    return repository.ofCustomer(customerId).stream()
        .map(
            s ->
                new SubscriptionRecord(
                    s.getSubscriptionId(),
                    s.getTierId(),
                    s.getStatus(),
                    s.getBillingPeriod(),
                    s.getCurrentPeriodEnd(),
                    s.isCancelAtPeriodEnd(),
                    s.isDeleted(),
                    s.isDuplicate(),
                    s.getUnknownPriceId(),
                    s.getUpdatedAt()))
        .toList();
  }

  /** Whether the customer ever had a Stripe subscription (it keeps cancel, resume, portal). */
  public boolean hasStripeSubscription(String customerId) {
    return repository.ofCustomer(customerId).stream()
        .anyMatch(s -> s.getStripeSubscriptionId() != null);
  }

  /**
   * The customer's live Stripe subscription that plan change, cancel and resume act on: the one
   * that decides access, else any other live one (a duplicate).
   */
  public Optional<CustomerSubscription> liveStripeSubscription(String customerId) {
    String decidingId = decidingState(customerId).subscriptionId();
    return repository.ofCustomer(customerId).stream()
        .filter(s -> s.isLive() && s.getStripeSubscriptionId() != null)
        .min(
            Comparator.comparing(
                (CustomerSubscription s) -> !s.getSubscriptionId().equals(decidingId)));
  }

  /**
   * Writes the mirror by hand: the subscription that decides the customer's access, or a manual one
   * if the customer has none.
   */
  public void correct(String customerId, MirrorCorrection c, String actor) {
    plans.tier(c.tierId());
    if (!STRIPE_STATUSES.contains(c.status())) {
      throw new InvalidUsageException("status", "status must be one of " + STRIPE_STATUSES);
    }
    if (c.billingPeriod() != null && !PERIODS.contains(c.billingPeriod())) {
      throw new InvalidUsageException("billingPeriod", "billingPeriod must be monthly or yearly");
    }
    accounts.lock(customerId);
    Instant now = clock.instant();
    String decidingId = decidingState(customerId).subscriptionId();
    String id = decidingId != null ? decidingId : CustomerSubscription.manualId(customerId);
    Optional<CustomerSubscription> existing = repository.find(id);
    String before = existing.map(SubscriptionService::describe).orElse(null);
    CustomerSubscription s =
        existing.orElseGet(() -> create(id, customerId, c.tierId(), c.status(), now));
    s.setPastDueSince(
        SubscriptionRules.pastDueSince(s.getStatus(), s.getPastDueSince(), c.status(), now));
    s.setTierId(c.tierId());
    s.setStatus(c.status());
    s.setBillingPeriod(c.billingPeriod());
    s.setCycleAnchor(c.cycleAnchor());
    s.setCurrentPeriodEnd(c.currentPeriodEnd());
    s.setCancelAtPeriodEnd(c.cancelAtPeriodEnd());
    s.setUpdatedAt(now);
    recordChange(customerId, actor, "subscription.corrected", before, s, now);
  }

  /** The customer's subscription that decides access now, read from the mirror (not the cache). */
  private MirrorState decidingState(String customerId) {
    return deciding.of(repository.states(customerId), clock.instant());
  }

  /** Outcomes of applying a Stripe object to the mirror. */
  public static final String APPLIED = "processed";

  public static final String STALE = "stale";
  public static final String IGNORED = "ignored";

  /**
   * Applies a Stripe subscription from an event created at {@code eventCreated}. Ordering is
   * decided under the customer's lock: an event older than the last one applied to the
   * subscription, or one for a deleted subscription, is stale; one of the same second is settled by
   * {@code reRead}, which reads the subscription again through the payment port.
   */
  public String applyStripeSubscription(
      String customerId,
      StripeSubscriptionState stripe,
      long eventCreated,
      UnaryOperator<StripeSubscriptionState> reRead,
      String actor) {
    accounts.lock(customerId);
    Optional<CustomerSubscription> existing = repository.find(stripe.subscriptionId());
    Order order =
        SubscriptionRules.order(
            existing.map(CustomerSubscription::getLastEventCreated).orElse(null),
            eventCreated,
            existing.map(CustomerSubscription::isDeleted).orElse(false),
            stripe.deleted());
    return switch (order) {
      case STALE -> STALE;
      case TIE -> write(customerId, reRead.apply(stripe), existing, eventCreated, actor);
      case APPLY -> write(customerId, stripe, existing, eventCreated, actor);
    };
  }

  /**
   * Applies a subscription read from Stripe just now (success page, sync, plan change). It is
   * Stripe's current state, so it advances the ordering mark to now: an older event delivered later
   * cannot overwrite it. A deleted subscription stays deleted.
   */
  public String applyPulledSubscription(
      String customerId, StripeSubscriptionState stripe, String actor) {
    accounts.lock(customerId);
    Optional<CustomerSubscription> existing = repository.find(stripe.subscriptionId());
    if (existing.map(CustomerSubscription::isDeleted).orElse(false)) {
      return STALE;
    }
    long mark =
        SubscriptionRules.pulledMark(
            existing.map(CustomerSubscription::getLastEventCreated).orElse(null), clock.instant());
    return write(customerId, stripe, existing, mark, actor);
  }

  private String write(
      String customerId,
      StripeSubscriptionState stripe,
      Optional<CustomerSubscription> existing,
      long mark,
      String actor) {
    Instant now = clock.instant();
    String before = existing.map(SubscriptionService::describe).orElse(null);
    CustomerSubscription s =
        existing.orElseGet(
            () ->
                create(stripe.subscriptionId(), customerId, stripe.tierId(), stripe.status(), now));
    boolean wasDuplicate = s.isDuplicate();
    boolean wasLive = existing.map(CustomerSubscription::isLive).orElse(false);
    s.setPastDueSince(
        SubscriptionRules.pastDueSince(
            existing.map(CustomerSubscription::getStatus).orElse(null),
            s.getPastDueSince(),
            stripe.status(),
            Instant.ofEpochSecond(Math.min(mark, now.getEpochSecond()))));
    s.setTierId(stripe.tierId());
    s.setStatus(stripe.status());
    s.setBillingPeriod(stripe.billingPeriod());
    s.setStripeCustomerId(stripe.stripeCustomerId());
    s.setCurrentPeriodStart(stripe.currentPeriodStart());
    s.setCurrentPeriodEnd(stripe.currentPeriodEnd());
    s.setCycleAnchor(stripe.cycleAnchor());
    s.setCancelAtPeriodEnd(stripe.cancelAtPeriodEnd());
    s.setDeleted(stripe.deleted());
    s.setUnknownPriceId(stripe.unknownPriceId());
    s.setLastEventCreated(mark);
    s.setUpdatedAt(now);
    List<MirrorState> others =
        repository.ofCustomer(customerId).stream()
            .filter(o -> !o.getSubscriptionId().equals(s.getSubscriptionId()))
            .map(SubscriptionRepository::toState)
            .toList();
    s.setDuplicate(
        SubscriptionRules.isDuplicate(
            wasLive, wasDuplicate, s.getSubscriptionId(), s.isLive(), others));
    recordChange(customerId, actor, "subscription.stripe_event", before, s, now);
    if (s.isDuplicate() && !wasDuplicate) {
      audit.record(actor, customerId, DUPLICATE_SUBSCRIPTION, null, describe(s), now);
      facts.fire(new DuplicateSubscriptionFound(customerId, s.getSubscriptionId()));
    }
    if (stripe.unknownPriceId() != null
        && !stripe
            .unknownPriceId()
            .equals(existing.map(CustomerSubscription::getUnknownPriceId).orElse(null))) {
      audit.record(actor, customerId, UNKNOWN_PRICE, null, describe(s), now);
    }
    return APPLIED;
  }

  private CustomerSubscription create(
      String id, String customerId, String tierId, String status, Instant now) {
    CustomerSubscription created = new CustomerSubscription(id, customerId, tierId, status, now);
    repository.add(created);
    return created;
  }

  /**
   * A failed payment of an invoice moves a live subscription to past_due; the grace period starts
   * then. It does not count once the invoice is paid, whichever of the two events arrives last.
   */
  public String markPaymentFailed(
      String subscriptionId, String invoiceId, long eventCreated, String actor) {
    Optional<CustomerSubscription> found = repository.find(subscriptionId);
    if (found.isEmpty()) {
      return IGNORED;
    }
    accounts.lock(found.get().getCustomerId());
    if (!SubscriptionRules.paymentFailureCounts(invoices.status(invoiceId).orElse(null))) {
      return STALE;
    }
    CustomerSubscription s = repository.find(subscriptionId).orElseThrow();
    if (s.getLastEventCreated() != null && eventCreated < s.getLastEventCreated()) {
      return STALE; // a late retry or replay must not undo a payment that came after it
    }
    if (!"active".equals(s.getStatus()) && !"trialing".equals(s.getStatus())) {
      return IGNORED;
    }
    // Recorded only when it takes effect: a paid invoice of this subscription can then undo it.
    invoices.record(invoiceId, subscriptionId, InvoiceStates.PAYMENT_FAILED);
    Instant now = clock.instant();
    String before = describe(s);
    s.setStatus("past_due");
    s.setPastDueSince(Instant.ofEpochSecond(eventCreated));
    s.setLastEventCreated(eventCreated);
    s.setUpdatedAt(now);
    recordChange(s.getCustomerId(), actor, "subscription.payment_failed", before, s, now);
    facts.fire(
        new PaymentRecorded(s.getCustomerId(), invoiceId, false, PaymentRecorded.SUBSCRIPTION));
    return APPLIED;
  }

  /**
   * A paid invoice: it stays paid, and a subscription that was past due only for failed invoices
   * that are now all paid is active again.
   */
  public String markInvoicePaid(String subscriptionId, String invoiceId, String actor) {
    Optional<CustomerSubscription> found = repository.find(subscriptionId);
    if (found.isEmpty()) {
      return IGNORED;
    }
    accounts.lock(found.get().getCustomerId());
    invoices.record(invoiceId, subscriptionId, InvoiceStates.PAID);
    facts.fire(
        new PaymentRecorded(
            found.get().getCustomerId(), invoiceId, true, PaymentRecorded.SUBSCRIPTION));
    CustomerSubscription s = repository.find(subscriptionId).orElseThrow();
    if (!"past_due".equals(s.getStatus()) || s.isDeleted() || invoices.hasFailed(subscriptionId)) {
      return APPLIED;
    }
    Instant now = clock.instant();
    String before = describe(s);
    s.setStatus("active");
    s.setPastDueSince(null);
    s.setUpdatedAt(now);
    recordChange(s.getCustomerId(), actor, "subscription.invoice_paid", before, s, now);
    return APPLIED;
  }

  private void recordChange(
      String customerId,
      String actor,
      String action,
      String before,
      CustomerSubscription after,
      Instant now) {
    audit.record(actor, customerId, action, before, describe(after), now);
    repository.recordEntitlementChange(customerId);
    changed.fire(new SubscriptionChanged(customerId));
  }

  static String describe(CustomerSubscription s) {
    if (s == null) {
      return null;
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("subscriptionId", s.getSubscriptionId())
            .add("tierId", s.getTierId())
            .add("status", s.getStatus())
            .add("cancelAtPeriodEnd", s.isCancelAtPeriodEnd());
    add(json, "billingPeriod", s.getBillingPeriod());
    add(json, "cycleAnchor", s.getCycleAnchor());
    add(json, "currentPeriodEnd", s.getCurrentPeriodEnd());
    add(json, "pastDueSince", s.getPastDueSince());
    add(json, "unknownPriceId", s.getUnknownPriceId());
    if (s.isDuplicate()) {
      json.add("duplicate", true);
    }
    return json.build().toString();
  }

  private static void add(JsonObjectBuilder json, String name, Object value) {
    if (value != null) {
      json.add(name, Objects.toString(value));
    }
  }
}
