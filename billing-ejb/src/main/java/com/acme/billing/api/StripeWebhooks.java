package com.acme.billing.api;

import jakarta.ejb.Local;

/** Receives Stripe's webhook events: verified, stored durably, applied to the mirror. */
@Local
public interface StripeWebhooks {

  /**
   * Verifies the signature, stores the event and applies it in one transaction.
   *
   * @throws InvalidWebhookException for a bad, stale or missing signature (nothing stored)
   * @throws WebhookFailedException when applying failed (stored as failed; Stripe retries)
   */
  WebhookReceipt receive(String payload, String signatureHeader);

  /**
   * What happened to an event: {@code processed}, {@code duplicate}, {@code ignored}, {@code
   * stale}.
   */
  record WebhookReceipt(String eventId, String type, String outcome) {}
}
