package com.acme.billing.webhook;

import com.acme.billing.api.BillingException;
import com.acme.billing.api.InvalidWebhookException;
import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import com.acme.billing.api.TransientFailures;
import com.acme.billing.api.WebhookFailedException;
import com.acme.billing.operations.BillingFact;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores and applies a verified Stripe event (a delivery or an admin replay): applied by {@link
 * StripeEventApplier} in one transaction, or stored as failed and refused, so Stripe retries. A
 * stored event's status only moves forward ({@link WebhookEventStatus}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessing {

  private static final Logger LOG = Logger.getLogger(WebhookProcessing.class.getName());

  @EJB StripeEventApplier applier;
  @EJB WebhookStore store;
  @Inject jakarta.enterprise.event.Event<BillingFact> facts;

  /**
   * Applies a stored failed or ignored event again (admin replay; it was verified when stored). A
   * processed event is not applied again: the answer is {@code duplicate}.
   */
  public WebhookReceipt replay(String eventId) {
    String payload =
        store
            .payload(eventId)
            .orElseThrow(
                () ->
                    new InvalidWebhookException(
                        InvalidWebhookException.Reason.UNKNOWN_EVENT,
                        "no stored event " + eventId));
    return process(ApiResource.GSON.fromJson(payload, Event.class), payload, true);
  }

  /** Applies a delivered event unless it was processed already. */
  public WebhookReceipt process(Event event, String payload, boolean replay) {
    if (!WebhookEventStatus.shouldApply(store.status(event.getId()), replay)) {
      return new WebhookReceipt(event.getId(), event.getType(), StripeEventApplier.DUPLICATE);
    }
    try {
      return new WebhookReceipt(
          event.getId(), event.getType(), applier.apply(event, payload, replay));
    } catch (RuntimeException e) {
      // System exceptions (EJBException, PersistenceException) and application ones alike (a
      // Stripe error while re-reading): the transaction rolled back; record the failure.
      return failed(event, payload, replay, e);
    }
  }

  /**
   * Records the failure unless the stored event has moved past failed, and refuses the delivery. A
   * transient concurrency failure (a lock timeout, a deadlock, a serialisation failure) is marked
   * so, to be answered 503 with Retry-After.
   */
  private WebhookReceipt failed(Event event, String payload, boolean replay, RuntimeException e) {
    String reason = rootMessage(e);
    String detail = storedDetail(event, e);
    boolean busy = TransientFailures.isTransient(e);
    String kept;
    try {
      kept =
          store.saveFailure(
              event.getId(),
              event.getType(),
              event.getCreated(),
              event.getApiVersion(),
              payload,
              detail);
    } catch (RuntimeException notRecorded) {
      // Nothing stored: not a WebhookFailedException, whose answer says the event was stored. A
      // transient cause (the row still locked) is still answered 503 by the web layer.
      LOG.log(
          Level.WARNING,
          "Stripe event {0} ({1}) failed: {2}; recording the failure failed too: {3}",
          new Object[] {event.getId(), event.getType(), reason, rootMessage(notRecorded)});
      notRecorded.addSuppressed(e);
      throw notRecorded;
    }
    if (!WebhookEventStatus.shouldApply(Optional.of(kept), replay)) {
      // A concurrent delivery of the same event stored it first.
      return new WebhookReceipt(event.getId(), event.getType(), StripeEventApplier.DUPLICATE);
    }
    LOG.log(
        Level.WARNING,
        "Stripe event {0} ({1}) failed{2}: {3}",
        new Object[] {event.getId(), event.getType(), busy ? " (transient)" : "", reason});
    facts.fire(
        new BillingFact.WebhookEventFailed(
            event.getId(), event.getType(), store.failures(event.getId())));
    throw new WebhookFailedException(event.getId(), event.getType(), detail, busy);
  }

  /**
   * What the stored event says about its failure, for the admin API: the product's own words when a
   * billing refusal caused it (Stripe has no such object, say), else a pointer to the server log,
   * which has the cause under the event id; never a class name, SQL or a driver's message.
   */
  static String storedDetail(Event event, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BillingException billing && billing.getMessage() != null) {
        return billing.getMessage();
      }
    }
    return "The event could not be applied; the server log has the cause under event "
        + event.getId()
        + ".";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
