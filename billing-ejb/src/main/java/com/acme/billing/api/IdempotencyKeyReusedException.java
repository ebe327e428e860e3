package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** The idempotency key was already used for a different record; nothing was recorded. */
@ApplicationException(rollback = false)
public class IdempotencyKeyReusedException extends BillingException {
  public IdempotencyKeyReusedException(String key) {
    super("idempotency key " + key + " was already used for a different usage record");
  }
}
