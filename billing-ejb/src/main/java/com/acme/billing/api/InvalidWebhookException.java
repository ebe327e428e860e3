package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** The webhook's signature does not verify (or is missing, stale or malformed); nothing stored. */
@ApplicationException(rollback = false)
public class InvalidWebhookException extends BillingException {
  public InvalidWebhookException(String message) {
    super(message);
  }
}
