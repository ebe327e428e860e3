package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** A usage record that cannot be taken as sent (wrong kind of resource, reused key, ...). */
@ApplicationException(rollback = false)
public class InvalidUsageException extends BillingException {
  private final String field;

  public InvalidUsageException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
