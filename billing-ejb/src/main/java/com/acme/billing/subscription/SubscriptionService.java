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
    audit.record(actor, customerId, "subscription.corrected", before, describe(s), now);
    repository.recordEntitlementChange(customerId);
    changed.fire(new SubscriptionChanged(customerId));
    return toStatus(customerId, SubscriptionRepository.toState(s), now);
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
