package com.acme.web.webhook;

import com.acme.billing.api.InvalidWebhookException;
import com.acme.billing.api.StripeWebhooks;
import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import com.acme.billing.api.WebhookFailedException;
import com.acme.web.metrics.ApiMetrics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Stripe's webhook endpoint. No token: the Stripe-Signature header is the authentication. The raw
 * body is read as a string, exactly as received, because the signature covers those bytes.
 */
@Path("billing")
@RequestScoped
public class StripeWebhookResource {

  @EJB StripeWebhooks webhooks;
  @Inject ApiMetrics metrics;

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
  @SecurityRequirement(name = "stripeSignature")
  @APIResponse(
      responseCode = "200",
      description = "Stored, and applied, ignored or recognised as a duplicate or stale event",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "WebhookReceipt")))
  @APIResponse(
      responseCode = "400",
      description =
          "The Stripe-Signature header is missing, malformed, stale or wrong, or the signed body is"
              + " not an event (invalid-webhook-signature); nothing was stored")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(
      responseCode = "500",
      description =
          "The event was stored as failed and Stripe retries it (webhook-processing-failed, with"
              + " eventId), or an unexpected failure (internal-error)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public WebhookReceipt receive(
      @HeaderParam("Stripe-Signature") String signature,
      @RequestBody(
              description =
                  "The Stripe event exactly as Stripe sent it (the signature covers these bytes)")
          String payload) {
    long start = System.nanoTime();
    try {
      WebhookReceipt receipt = webhooks.receive(payload == null ? "" : payload, signature);
      metrics.webhookAnswered(receipt.type(), receipt.outcome(), since(start));
      return receipt;
    } catch (InvalidWebhookException e) {
      metrics.webhookRejected(e.reason().code(), since(start));
      throw e;
    } catch (WebhookFailedException e) {
      metrics.webhookAnswered(e.eventType(), e.isTransient() ? "busy" : "failed", since(start));
      throw e;
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
