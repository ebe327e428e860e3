package com.acme.billing.webhook;

import com.acme.billing.api.InvalidWebhookException;
import com.acme.billing.api.StripeWebhooks;
import com.acme.billing.api.WebhookFailedException;
import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe's webhook deliveries: verified against the configured secrets, then stored and applied by
 * {@link StripeEventApplier} in one transaction. A delivery is acknowledged only once the event is
 * durably stored; one that fails to apply is stored as failed and refused, so Stripe retries.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookReceiver implements StripeWebhooks {

  private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

  @EJB StripeEventApplier applier;
  @EJB WebhookStore store;
  @Inject WebhookSecrets secrets;

  @Override
  public WebhookReceipt receive(String payload, String signatureHeader) {
    return process(verify(payload, signatureHeader), payload);
  }

  /** Applies a stored event again (admin replay of a failed event); it was verified when stored. */
  public WebhookReceipt replay(String eventId) {
    String payload =
        store
            .payload(eventId)
            .orElseThrow(() -> new InvalidWebhookException("no stored event " + eventId));
    return process(ApiResource.GSON.fromJson(payload, Event.class), payload);
  }

  private WebhookReceipt process(Event event, String payload) {
    Optional<String> stored = store.status(event.getId());
    if (stored.isPresent() && !WebhookStore.FAILED.equals(stored.get())) {
      return new WebhookReceipt(event.getId(), event.getType(), StripeEventApplier.DUPLICATE);
    }
    try {
      return new WebhookReceipt(event.getId(), event.getType(), applier.apply(event, payload));
    } catch (RuntimeException e) {
      // System exceptions (EJBException, PersistenceException) and application ones alike (a
      // Stripe error while re-reading): the transaction rolled back; record the failure.
      Optional<String> now = store.status(event.getId());
      if (now.isPresent() && !WebhookStore.FAILED.equals(now.get())) {
        // A concurrent delivery of the same event stored it first.
        return new WebhookReceipt(event.getId(), event.getType(), StripeEventApplier.DUPLICATE);
      }
      String reason = rootMessage(e);
      LOG.log(
          Level.WARNING,
          "Stripe event {0} ({1}) failed: {2}",
          new Object[] {event.getId(), event.getType(), reason});
      store.saveFailure(
          event.getId(),
          event.getType(),
          event.getCreated(),
          event.getApiVersion(),
          payload,
          reason);
      throw new WebhookFailedException(event.getId(), reason);
    }
  }

  private Event verify(String payload, String header) {
    if (header == null || header.isBlank()) {
      throw new InvalidWebhookException("the Stripe-Signature header is missing");
    }
    List<String> candidates = secrets.secrets();
    if (candidates.isEmpty()) {
      throw new InvalidWebhookException("no webhook signing secret is configured");
    }
    for (String secret : candidates) {
      try {
        return Webhook.constructEvent(payload, header, secret, secrets.toleranceSeconds());
      } catch (SignatureVerificationException e) {
        // try the next secret: one may be rolling
      } catch (NumberFormatException | JsonParseException | NullPointerException e) {
        throw new InvalidWebhookException(
            "the Stripe-Signature header or the payload is malformed");
      }
    }
    throw new InvalidWebhookException(
        "the signature does not verify with any configured secret, or its timestamp is older than "
            + secrets.toleranceSeconds()
            + " s");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
