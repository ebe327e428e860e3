package com.acme.billing.subscription;

import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.MirrorCorrection;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.Subscriptions;
import com.acme.billing.audit.AuditLog;
import com.acme.billing.entitlement.Access;
import com.acme.billing.entitlement.EntitlementService;
import com.acme.billing.entitlement.MirrorState;
import com.acme.billing.entitlement.SubscriptionChanged;
import com.acme.billing.plan.PlanCatalogBean;
import com.acme.billing.rollout.BillingRollout;
import com.acme.billing.usage.UsageService;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads and writes the subscription mirror; every write is audited and invalidates the cache. */
@Stateless
@LocalBean
public class SubscriptionService implements Subscriptions {

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

  @Inject SubscriptionRepository repository;
  @EJB EntitlementService entitlements;
  @EJB PlanCatalogBean plans;
  @EJB AuditLog audit;
  @Inject Event<SubscriptionChanged> changed;
  @Inject Clock clock;
  @Inject BillingRollout rollout;
  @EJB UsageService usage;

  @Override
  public SubscriptionStatus status(String customerId) {
    return toStatus(customerId, entitlements.state(customerId), clock.instant());
  }

  private SubscriptionStatus toStatus(String customerId, MirrorState state, Instant now) {
    Access access = entitlements.rule().evaluate(state, now);
    return new SubscriptionStatus(
        customerId,
        access.tierId(),
        state.status(),
        state.billingPeriod(),
        state.currentPeriodEnd(),
        state.cancelAtPeriodEnd(),
        access.graceUntil(),
        rollout.newBillingFor(customerId),
        usage.lines(customerId, state, now));
  }

  @Override
  public SubscriptionStatus correct(String customerId, MirrorCorrection c, String actor) {
    plans.tier(c.tierId());
    if (!STRIPE_STATUSES.contains(c.status())) {
      throw new InvalidUsageException("status", "status must be one of " + STRIPE_STATUSES);
    }
    if (c.billingPeriod() != null && !PERIODS.contains(c.billingPeriod())) {
      throw new InvalidUsageException("billingPeriod", "billingPeriod must be monthly or yearly");
    }
    Instant now = clock.instant();
    Optional<CustomerSubscription> existing = repository.find(customerId);
    String before = existing.map(SubscriptionService::describe).orElse(null);
    CustomerSubscription s =
        existing.orElseGet(
            () -> {
              CustomerSubscription created =
                  new CustomerSubscription(customerId, c.tierId(), c.status(), now);
              repository.add(created);
              return created;
            });
    if (!"past_due".equals(c.status())) {
      s.setPastDueSince(null);
    } else if (!"past_due".equals(s.getStatus()) || s.getPastDueSince() == null) {
      s.setPastDueSince(now);
    }
    s.setTierId(c.tierId());
    s.setStatus(c.status());
    s.setBillingPeriod(c.billingPeriod());
    s.setCycleAnchor(c.cycleAnchor());
    s.setCurrentPeriodEnd(c.currentPeriodEnd());
    s.setCancelAtPeriodEnd(c.cancelAtPeriodEnd());
    s.setUpdatedAt(now);
    recordChange(customerId, actor, "subscription.corrected", before, s, now);
    return toStatus(customerId, SubscriptionRepository.toState(s), now);
  }

  /** Outcomes of applying a Stripe object to the mirror. */
  public static final String APPLIED = "processed";

  public static final String STALE = "stale";
  public static final String IGNORED = "ignored";

  /**
   * Applies a Stripe subscription to the customer's mirror, unless the event is older than the last
   * one applied to that subscription, or the subscription was deleted (a tombstone keeps a late
   * created/updated from bringing it back). On a tie of {@code created} (one-second resolution)
   * events apply in arrival order.
   */
  public String applyStripeSubscription(
      String customerId, StripeSubscriptionState stripe, long eventCreated, String actor) {
    return apply(customerId, stripe, eventCreated, actor);
  }

  /**
   * Applies a subscription read from Stripe just now (success page, sync, plan change). It is
   * Stripe's current state, but it has no event time: it leaves the last applied event's time as it
   * is (so later events still apply), and it never replaces another live subscription of the
   * customer with one that is not live (an old session's canceled subscription, say).
   */
  public String applyPulledSubscription(
      String customerId, StripeSubscriptionState stripe, String actor) {
    Optional<CustomerSubscription> existing = repository.find(customerId);
    if (existing.isPresent()) {
      CustomerSubscription s = existing.get();
      boolean other = !stripe.subscriptionId().equals(s.getStripeSubscriptionId());
      if (other
          && CustomerSubscription.LIVE_STATUSES.contains(s.getStatus())
          && !s.isDeleted()
          && !CustomerSubscription.LIVE_STATUSES.contains(stripe.status())) {
        return STALE;
      }
    }
    return apply(
        customerId,
        stripe,
        existing.map(CustomerSubscription::getLastEventCreated).orElse(null),
        actor);
  }

  private String apply(
      String customerId, StripeSubscriptionState stripe, Long eventCreated, String actor) {
    Optional<CustomerSubscription> existing = repository.findForUpdate(customerId);
    if (existing.isPresent()) {
      CustomerSubscription s = existing.get();
      boolean sameSubscription = stripe.subscriptionId().equals(s.getStripeSubscriptionId());
      if (sameSubscription && s.isDeleted()) {
        return STALE;
      }
      if (eventCreated != null
          && s.getLastEventCreated() != null
          && eventCreated < s.getLastEventCreated()) {
        return STALE;
      }
    }
    Instant now = clock.instant();
    String before = existing.map(SubscriptionService::describe).orElse(null);
    CustomerSubscription s =
        existing.orElseGet(
            () -> {
              CustomerSubscription created =
                  new CustomerSubscription(customerId, stripe.tierId(), stripe.status(), now);
              repository.add(created);
              return created;
            });
    String previousStatus = existing.map(CustomerSubscription::getStatus).orElse(null);
    if (!"past_due".equals(stripe.status())) {
      s.setPastDueSince(null);
    } else if (!"past_due".equals(previousStatus) || s.getPastDueSince() == null) {
      s.setPastDueSince(eventCreated == null ? now : Instant.ofEpochSecond(eventCreated));
    }
    s.setTierId(stripe.tierId());
    s.setStatus(stripe.status());
    s.setBillingPeriod(stripe.billingPeriod());
    s.setStripeSubscriptionId(stripe.subscriptionId());
    s.setStripeCustomerId(stripe.stripeCustomerId());
    s.setCurrentPeriodStart(stripe.currentPeriodStart());
    s.setCurrentPeriodEnd(stripe.currentPeriodEnd());
    s.setCycleAnchor(stripe.cycleAnchor());
    s.setCancelAtPeriodEnd(stripe.cancelAtPeriodEnd());
    s.setDeleted(stripe.deleted());
    if (eventCreated != null) {
      s.setLastEventCreated(eventCreated);
    }
    s.setUpdatedAt(now);
    recordChange(customerId, actor, "subscription.stripe_event", before, s, now);
    return APPLIED;
  }

  /** A failed payment moves a live subscription to past_due; the grace period starts then. */
  public String markPaymentFailed(String subscriptionId, long eventCreated, String actor) {
    Optional<CustomerSubscription> found = repository.findByStripeSubscription(subscriptionId);
    if (found.isEmpty()) {
      return IGNORED;
    }
    CustomerSubscription s = repository.findForUpdate(found.get().getCustomerId()).orElseThrow();
    if (s.getLastEventCreated() != null && eventCreated < s.getLastEventCreated()) {
      return STALE; // a late retry or replay must not undo a payment that came after it
    }
    if (!"active".equals(s.getStatus()) && !"trialing".equals(s.getStatus())) {
      return IGNORED;
    }
    Instant now = clock.instant();
    String before = describe(s);
    s.setStatus("past_due");
    s.setPastDueSince(Instant.ofEpochSecond(eventCreated));
    s.setLastEventCreated(eventCreated);
    s.setUpdatedAt(now);
    recordChange(s.getCustomerId(), actor, "subscription.payment_failed", before, s, now);
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
            .add("tierId", s.getTierId())
            .add("status", s.getStatus())
            .add("cancelAtPeriodEnd", s.isCancelAtPeriodEnd());
    add(json, "billingPeriod", s.getBillingPeriod());
    add(json, "cycleAnchor", s.getCycleAnchor());
    add(json, "currentPeriodEnd", s.getCurrentPeriodEnd());
    add(json, "pastDueSince", s.getPastDueSince());
    add(json, "stripeSubscriptionId", s.getStripeSubscriptionId());
    return json.build().toString();
  }

  private static void add(JsonObjectBuilder json, String name, Object value) {
    if (value != null) {
      json.add(name, Objects.toString(value));
    }
  }
}
