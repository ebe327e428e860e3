package com.acme.billing.api;

import jakarta.ejb.Local;
import java.time.Instant;

/** Plan change, cancel and resume of a live subscription (customers on the billing_v2 path). */
@Local
public interface PlanChanges {

  /**
   * What a change did: {@code change} is upgrade, downgrade, cancel or resume; {@code effective} is
   * {@code now} or {@code period_end}, at {@code effectiveAt}.
   */
  record PlanChange(
      String change, String effective, Instant effectiveAt, SubscriptionStatus subscription) {}

  /**
   * @param idempotencyKey the request's {@code Idempotency-Key} header, or null (a random key)
   */
  PlanChange changePlan(
      String customerId, String tierId, String billingPeriod, String actor, String idempotencyKey);

  PlanChange cancel(String customerId, String actor, String idempotencyKey);

  PlanChange resume(String customerId, String actor, String idempotencyKey);
}
