package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** A verified event could not be applied; it is stored as failed and Stripe will retry it. */
@ApplicationException(rollback = false)
public class WebhookFailedException extends BillingException {
  private final String eventId;

  public WebhookFailedException(String eventId, String message) {
    super(message);
    this.eventId = eventId;
  }

  public String eventId() {
    return eventId;
  }
}
