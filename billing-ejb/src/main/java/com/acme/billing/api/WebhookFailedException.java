package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** A verified event could not be applied; it is stored as failed and Stripe will retry it. */
@ApplicationException(rollback = false)
public class WebhookFailedException extends BillingException {
  private final String eventId;
  private final String eventType;
  private final boolean transientFailure;

  /**
   * @param eventType the verified event's type
   * @param transientFailure the failure was a transient concurrency failure (a lock timeout, a
   *     deadlock, a serialisation failure): the same event is expected to apply when retried
   */
  public WebhookFailedException(
      String eventId, String eventType, String message, boolean transientFailure) {
    super(message);
    this.eventId = eventId;
    this.eventType = eventType;
    this.transientFailure = transientFailure;
  }

  public String eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  /** Whether retrying shortly is expected to succeed (answered 503 with Retry-After). */
  public boolean isTransient() {
    return transientFailure;
  }
}
