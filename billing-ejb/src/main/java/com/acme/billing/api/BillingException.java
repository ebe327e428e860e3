package com.acme.billing.api;

/**
 * A refusal the caller can act on. Application exceptions pass through the EJB container unwrapped
 * and roll the transaction back.
 */
public abstract class BillingException extends RuntimeException {
  protected BillingException(String message) {
    super(message, null, false, false);
  }
}
