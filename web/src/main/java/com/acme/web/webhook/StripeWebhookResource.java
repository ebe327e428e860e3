package com.acme.web.webhook;

import com.acme.billing.api.StripeWebhooks;
import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stripe's webhook endpoint. No token: the Stripe-Signature header is the authentication. The raw
 * body is read as a string, exactly as received, because the signature covers those bytes.
 */
@Path("billing")
@RequestScoped
public class StripeWebhookResource {

  @EJB StripeWebhooks webhooks;

  @POST
  @Path("webhook")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Receive a Stripe event",
      description =
          "2xx only once the event is durably stored and applied; an event of an unknown type"
              + " or of another API version is stored as ignored and acknowledged; a bad"
              + " signature is a 400 and stores nothing; an event that fails to apply is stored"
              + " as failed and answered 500 so that Stripe retries, or 503 busy with Retry-After"
              + " when the failure was a lock timeout, deadlock or serialisation failure.")
  public WebhookReceipt receive(@HeaderParam("Stripe-Signature") String signature, String payload) {
    return webhooks.receive(payload == null ? "" : payload, signature);
  }
}
