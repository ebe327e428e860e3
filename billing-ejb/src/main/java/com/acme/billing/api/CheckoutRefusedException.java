package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/**
 * The self-service request does not fit the customer's situation; {@link #reason()} says why, in
 * the domain's words (the web module decides the status code and problem type).
 */
@ApplicationException(rollback = false)
public class CheckoutRefusedException extends BillingException {

  public enum Reason {
    /** The customer is on the legacy billing path. */
    BILLING_V2_NOT_ENABLED,
    /** The customer already has a live paid subscription. */
    SUBSCRIPTION_EXISTS,
    /** FREE is not bought: leaving a paid plan is a cancellation. */
    FREE_NEEDS_NO_CHECKOUT,
    /** The customer is already on the asked plan and period. */
    PLAN_UNCHANGED,
    /** Nothing at Stripe to manage, change or sync for the customer. */
    NO_BILLING_ACCOUNT,
    /** A success, cancel or return address outside the allowed origins. */
    REDIRECT_NOT_ALLOWED
  }

  private final Reason reason;

  public CheckoutRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
