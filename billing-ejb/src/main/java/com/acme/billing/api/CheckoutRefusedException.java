package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/**
 * The self-service request does not fit the customer's situation (legacy billing path, already
 * subscribed, nothing to manage, redirect not allowed); {@link #type()} is the problem type.
 */
@ApplicationException(rollback = false)
public class CheckoutRefusedException extends BillingException {

  public static final String BILLING_V2_NOT_ENABLED = "billing-v2-not-enabled";
  public static final String SUBSCRIPTION_EXISTS = "subscription-exists";
  public static final String FREE_NEEDS_NO_CHECKOUT = "free-needs-no-checkout";
  public static final String NO_BILLING_ACCOUNT = "no-billing-account";
  public static final String REDIRECT_NOT_ALLOWED = "redirect-not-allowed";

  private final String type;
  private final int status;

  public CheckoutRefusedException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }
}
