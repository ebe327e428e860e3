package com.acme.billing.checkout;

import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.PlanChanges;
import com.acme.billing.api.Subscriptions;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import com.acme.billing.rollout.BillingRollout;
import com.acme.billing.stripe.IdempotencyKey;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.PriceCatalog;
import com.acme.billing.stripe.StripeSubscriptionReader;
import com.acme.billing.subscription.CustomerSubscription;
import com.acme.billing.subscription.SubscriptionService;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Changes a live subscription through the payment port: an upgrade now, invoiced at once, a
 * downgrade at the period's end through a subscription schedule, cancel at period end, resume. What
 * Stripe answers is applied to the mirror at once; the webhooks that follow confirm it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each mirror write commits alone
public class PlanChangeService implements PlanChanges {

  @Inject BillingRollout rollout;
  @Inject PaymentGateway gateway;
  @Inject PriceCatalog prices;
  @Inject StripeSubscriptionReader reader;
  @Inject Clock clock;
  @EJB Plans plans;
  @EJB SubscriptionService subscriptions;
  @EJB Subscriptions statuses;

  @Override
  public PlanChange changePlan(
      String customerId, String tierId, String billingPeriod, String actor, String idempotencyKey) {
    rollout.requireNewBilling(customerId);
    CustomerSubscription current = liveSubscription(customerId);
    Tier target = plans.tier(tierId);
    PriceCatalog.requirePeriod(billingPeriod);
    if (target.isFree()) {
      throw new CheckoutRefusedException(
          CheckoutRefusedException.Reason.FREE_NEEDS_NO_CHECKOUT,
          "FREE is not a plan change; to go to FREE, cancel the subscription");
    }
    if (target.id().equals(current.getTierId())
        && billingPeriod.equals(current.getBillingPeriod())) {
      throw new CheckoutRefusedException(
          CheckoutRefusedException.Reason.PLAN_UNCHANGED,
          "the customer is already on " + tierId + " " + billingPeriod);
    }
    String newPrice =
        prices
            .priceId(tierId, billingPeriod)
            .orElseThrow(
                () ->
                    new InvalidUsageException(
                        "tierId",
                        "no Stripe price is configured for " + tierId + " " + billingPeriod));
    IdempotencyKey key = IdempotencyKey.forRequest(customerId, idempotencyKey);
    Subscription stripe = gateway.retrieveSubscription(current.getStripeSubscriptionId());
    SubscriptionItem item = stripe.getItems().getData().get(0);
    boolean upgrade = target.rank() > plans.tier(current.getTierId()).rank();
    if (upgrade) {
      // A pending downgrade's schedule would revert the upgrade at period end: release it first.
      releasePendingSchedule(stripe, key);
      Subscription changed =
          gateway.changePriceNow(stripe.getId(), item.getId(), newPrice, key.forCall("upgrade"));
      return new PlanChange("upgrade", "now", clock.instant(), apply(customerId, changed, actor));
    }
    gateway.changePriceAtPeriodEnd(
        stripe.getId(),
        stripe.getSchedule(),
        item.getPrice().getId(),
        newPrice,
        item.getCurrentPeriodStart(),
        item.getCurrentPeriodEnd(),
        PriceCatalog.YEARLY.equals(billingPeriod),
        key.forCall("downgrade"));
    return new PlanChange(
        "downgrade",
        "period_end",
        Instant.ofEpochSecond(item.getCurrentPeriodEnd()),
        statuses.status(customerId));
  }

  /**
   * Cancels at period end. Stripe refuses to change the cancellation of a subscription a schedule
   * manages (a pending downgrade): the schedule is released first, dropping the downgrade, which
   * the cancellation makes moot.
   */
  @Override
  public PlanChange cancel(String customerId, String actor, String idempotencyKey) {
    CustomerSubscription current = liveSubscription(customerId);
    IdempotencyKey key = IdempotencyKey.forRequest(customerId, idempotencyKey);
    Subscription stripe = gateway.retrieveSubscription(current.getStripeSubscriptionId());
    releasePendingSchedule(stripe, key);
    Subscription changed = gateway.cancelAtPeriodEnd(stripe.getId(), true, key.forCall("cancel"));
    var status = apply(customerId, changed, actor);
    return new PlanChange("cancel", "period_end", status.currentPeriodEnd(), status);
  }

  /**
   * Undoes a cancel at period end. A subscription that is not cancelled has nothing to resume: it
   * is left as it is, with any pending downgrade.
   */
  @Override
  public PlanChange resume(String customerId, String actor, String idempotencyKey) {
    CustomerSubscription current = liveSubscription(customerId);
    IdempotencyKey key = IdempotencyKey.forRequest(customerId, idempotencyKey);
    Subscription stripe = gateway.retrieveSubscription(current.getStripeSubscriptionId());
    if (!Boolean.TRUE.equals(stripe.getCancelAtPeriodEnd())) {
      return new PlanChange("resume", "now", clock.instant(), apply(customerId, stripe, actor));
    }
    releasePendingSchedule(stripe, key);
    Subscription changed = gateway.cancelAtPeriodEnd(stripe.getId(), false, key.forCall("resume"));
    return new PlanChange("resume", "now", clock.instant(), apply(customerId, changed, actor));
  }

  private void releasePendingSchedule(Subscription stripe, IdempotencyKey key) {
    if (stripe.getSchedule() != null) {
      gateway.releaseSchedule(stripe.getSchedule(), key.forCall("release-schedule"));
    }
  }

  /**
   * The live subscription to act on. Cancel and resume work on the legacy path too, for a customer
   * who already subscribed: leaving must never depend on the rollout.
   */
  private CustomerSubscription liveSubscription(String customerId) {
    return subscriptions
        .liveStripeSubscription(customerId)
        .orElseThrow(
            () ->
                new CheckoutRefusedException(
                    CheckoutRefusedException.Reason.NO_BILLING_ACCOUNT,
                    "the customer has no live paid subscription; start with a checkout"));
  }

  private com.acme.billing.api.SubscriptionStatus apply(
      String customerId, Subscription subscription, String actor) {
    subscriptions.applyPulledSubscription(customerId, reader.state(subscription, false), actor);
    return statuses.status(customerId);
  }
}
