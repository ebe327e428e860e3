package com.acme.billing.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Map;

/**
 * Overage protection: per customer and metered resource, whether the product may buy top-up packs
 * when usage would pass the limit, and the monthly spend cap for them.
 */
@Local
public interface Overage {

  /**
   * One resource's setting and this period's purchases. {@code pack} is what the customer's plan
   * sells (null on FREE); {@code spent} is in cents, {@code packs} and {@code quantity} count the
   * packs bought this period whose payment did not fail.
   */
  record ResourceOverage(
      boolean enabled,
      long monthlyCapCents,
      long spentCents,
      int packs,
      long quantity,
      Pack pack) {}

  record Pack(long size, Money price) {}

  /** A customer's settings; {@code periodStart} begins the month the caps and spending count in. */
  record OverageSettings(
      String customerId, Instant periodStart, Map<String, ResourceOverage> resources) {}

  /** A change of one resource's setting; a null field keeps the current value. */
  record Change(Boolean enabled, Long monthlyCapCents) {}

  OverageSettings settings(String customerId);

  /**
   * @throws InvalidOverageException naming the field, for a resource without top-ups or a negative
   *     cap
   */
  OverageSettings change(String customerId, Map<String, Change> changes, String actor);
}
