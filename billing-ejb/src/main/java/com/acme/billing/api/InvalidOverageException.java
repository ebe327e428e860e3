package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** An overage setting that cannot be taken as sent; nothing changed. */
@ApplicationException(rollback = true)
public class InvalidOverageException extends BillingException {
  private final String field;

  public InvalidOverageException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
