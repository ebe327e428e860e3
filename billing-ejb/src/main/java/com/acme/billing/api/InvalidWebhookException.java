package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/** The webhook's signature does not verify (or is missing, stale or malformed); nothing stored. */
@ApplicationException(rollback = false)
public class InvalidWebhookException extends BillingException {

  /** Why, as a stable code for metrics and alerts. */
  public enum Reason {
    MISSING_SIGNATURE,
    NO_SECRET_CONFIGURED,
    MALFORMED,
    SIGNATURE_MISMATCH,
    UNKNOWN_EVENT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Reason reason;

  public InvalidWebhookException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
