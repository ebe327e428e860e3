package com.acme.billing.api;

import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Support's view of the stored Stripe events: list them by status, replay one. */
@Local
public interface WebhookAdministration {

  /** The statuses a stored event can be listed by. */
  List<String> STATUSES = List.of("failed", "processed", "ignored");

  record StoredWebhookEvent(
      String eventId,
      String type,
      long created,
      String status,
      String detail,
      Instant receivedAt) {}

  /** Stored events of one status, newest first. */
  List<StoredWebhookEvent> events(String status, int limit);

  /** The stored event's status, if the event is stored. */
  Optional<String> status(String eventId);

  /**
   * Applies a stored failed or ignored event again; a processed one answers {@code duplicate}. It
   * was verified when it was stored.
   */
  WebhookReceipt replay(String eventId);
}
