package com.acme.billing.webhook;

import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import com.acme.billing.api.WebhookAdministration;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;

/** The module's door for support's webhook operations (the web module sees only the interface). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a replay commits on its own
public class WebhookAdministrationService implements WebhookAdministration {

  @EJB WebhookStore store;
  @EJB WebhookProcessing processing;

  @Override
  public List<StoredWebhookEvent> events(String status, int limit) {
    return store.list(status, limit).stream()
        .map(
            e ->
                new StoredWebhookEvent(
                    e.eventId(), e.type(), e.created(), e.status(), e.detail(), e.receivedAt()))
        .toList();
  }

  @Override
  public Optional<String> status(String eventId) {
    return store.status(eventId);
  }

  @Override
  public WebhookReceipt replay(String eventId) {
    return processing.replay(eventId);
  }
}
