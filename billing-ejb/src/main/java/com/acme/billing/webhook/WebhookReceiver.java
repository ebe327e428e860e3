package com.acme.billing.webhook;

import com.acme.billing.api.InvalidWebhookException;
import com.acme.billing.api.InvalidWebhookException.Reason;
import com.acme.billing.api.StripeWebhooks;
import com.acme.billing.operations.BillingFact;
import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Stripe's webhook deliveries: verified against the configured secrets, then stored and applied
 * ({@link WebhookProcessing}). A delivery is acknowledged only once the event is durably stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookReceiver implements StripeWebhooks {

  @EJB WebhookProcessing processing;
  @Inject WebhookSecrets secrets;
  @Inject jakarta.enterprise.event.Event<BillingFact> facts;

  @Override
  public WebhookReceipt receive(String payload, String signatureHeader) {
    return processing.process(verify(payload, signatureHeader), payload, false);
  }

  private Event verify(String payload, String header) {
    if (header == null || header.isBlank()) {
      throw refused(Reason.MISSING_SIGNATURE, "the Stripe-Signature header is missing");
    }
    List<String> candidates = secrets.secrets();
    if (candidates.isEmpty()) {
      throw refused(Reason.NO_SECRET_CONFIGURED, "no webhook signing secret is configured");
    }
    for (String secret : candidates) {
      try {
        return Webhook.constructEvent(payload, header, secret, secrets.toleranceSeconds());
      } catch (SignatureVerificationException e) {
        // try the next secret: one may be rolling
      } catch (NumberFormatException | JsonParseException | NullPointerException e) {
        throw refused(Reason.MALFORMED, "the Stripe-Signature header or the payload is malformed");
      }
    }
    throw refused(
        Reason.SIGNATURE_MISMATCH,
        "the signature does not verify with any configured secret, or its timestamp is older than "
            + secrets.toleranceSeconds()
            + " s");
  }

  /** The refusal, announced first: a flood of them is an alert ({@code FactAlerts}). */
  private InvalidWebhookException refused(Reason reason, String message) {
    facts.fire(new BillingFact.WebhookSignatureRefused(reason.code()));
    return new InvalidWebhookException(reason, message);
  }
}
