package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** Stripe refused or could not be reached; {@link #kind()} says what the caller can do. */
@ApplicationException(rollback = true)
public class PaymentProviderException extends BillingException {

  public enum Kind {
    /** The card was declined: the customer can use another card. */
    CARD_DECLINED,
    /** Stripe refused the request as this server made it (e.g. an unknown price id). */
    REJECTED,
    /** Too many requests: retry after {@link #retryAfterSeconds()}. */
    RATE_LIMITED,
    /** Stripe is unreachable or failing: retry after {@link #retryAfterSeconds()}. */
    UNAVAILABLE,
    /** The object asked for does not exist at Stripe (or in the sandbox). */
    NOT_FOUND,
    /** The idempotency key was used before for a request with other parameters. */
    IDEMPOTENCY_CONFLICT,
    /** No payment provider is configured on this server. */
    NOT_CONFIGURED
  }

  private final Kind kind;
  private final String code;
  private final int retryAfterSeconds;

  public PaymentProviderException(Kind kind, String code, String message, int retryAfterSeconds) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
