package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** The change would take the resource past the customer's effective limit; nothing was recorded. */
@ApplicationException(rollback = true)
public class UsageLimitExceededException extends BillingException {
  private final String resource;
  private final long used;
  private final long limit;
  private final long requested;
  private final String reason;

  public UsageLimitExceededException(String resource, long used, long limit, long requested) {
    this(resource, used, limit, requested, UsageReport.LIMIT_REACHED);
  }

  /**
   * @param reason {@link UsageReport#LIMIT_REACHED}, or {@link UsageReport#OVERAGE_CAP_REACHED}
   *     when top-ups are on and the customer's monthly cap allows no more
   */
  public UsageLimitExceededException(
      String resource, long used, long limit, long requested, String reason) {
    super(
        resource
            + " would pass its limit of "
            + limit
            + " (used "
            + used
            + ", asked "
            + requested
            + ")");
    this.resource = resource;
    this.used = used;
    this.limit = limit;
    this.requested = requested;
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public String resource() {
    return resource;
  }

  public long used() {
    return used;
  }

  public long limit() {
    return limit;
  }

  public long requested() {
    return requested;
  }
}
