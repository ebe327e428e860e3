package com.acme.billing.api;

import jakarta.ejb.Local;
import java.time.LocalDate;
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

  /**
   * Every resource's line, and whether more fits: with {@code extra}, whether that much more of
   * each named resource stays within its limit ({@code used + amount <= limit}); with none, whether
   * one more unit of every resource does (so exactly at a limit is refused).
   */
  UsageReport check(String customerId, Map<String, Long> extra);

  /**
   * One resource's usage per UTC day over {@code [from, to]} (both included; the caller keeps the
   * range within {@link UsageHistory#MAX_DAYS}).
   */
  UsageHistory history(String customerId, String resource, LocalDate from, LocalDate to);
}
