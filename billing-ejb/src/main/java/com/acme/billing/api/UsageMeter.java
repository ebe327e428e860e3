package com.acme.billing.api;

import jakarta.ejb.Local;
import java.util.Map;

/** Usage of the metered resources: atomic check-and-record, and reports against the limits. */
@Local
public interface UsageMeter {

  /** Adds {@code quantity} of a consumed resource; refused past the limit when enforced. */
  UsageOutcome recordConsumption(
      String customerId,
      String resource,
      long quantity,
      String idempotencyKey,
      boolean enforce,
      String actor);

  /** Sets a level resource to {@code value}; raising it past the limit is refused when enforced. */
  UsageOutcome setLevel(
      String customerId,
      String resource,
      long value,
      String idempotencyKey,
      boolean enforce,
      String actor);

  /** Every resource's line; with {@code extra}, whether that much more would still fit. */
  UsageReport check(String customerId, Map<String, Long> extra);
}
