package com.acme.web.webhook;

import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import com.acme.billing.api.WebhookAdministration;
import com.acme.billing.api.WebhookAdministration.StoredWebhookEvent;
import com.acme.web.Roles;
import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import com.acme.web.request.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admin view of the stored Stripe events: list them by status, replay a failed or ignored one (an
 * ignored one once the product handles its type or version).
 */
@Path("billing/admin")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class AdminWebhookResource {

  private static final List<String> STATUSES = WebhookAdministration.STATUSES;

  @EJB WebhookAdministration webhooks;

  public record StoredEvents(String status, List<StoredWebhookEvent> events) {}

  @GET
  @Path("webhook-events")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Stored Stripe events by status (failed, processed, ignored), newest first")
  @APIResponse(
      responseCode = "200",
      description = "The stored events of that status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "StoredWebhookEvents")))
  @APIResponse(
      responseCode = "400",
      description =
          "status is not failed, processed or ignored, or limit is not within 1..1000"
              + " (invalid-parameter)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public StoredEvents list(
      @QueryParam("status") @DefaultValue("failed") String status,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (!STATUSES.contains(status)) {
      throw invalid("status", "status must be one of failed, processed or ignored.");
    }
    if (limit < 1 || limit > 1000) {
      throw invalid("limit", "limit must be within 1..1000.");
    }
    return new StoredEvents(status, webhooks.events(status, limit));
  }

  private static ProblemException invalid(String parameter, String detail) {
    return QueryParameters.invalid(parameter, detail);
  }

  @POST
  @Path("webhook-events/{eventId}/replay")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Process a stored failed or ignored Stripe event again",
      description =
          "A processed event is not applied again (outcome duplicate). A failed replay leaves an"
              + " ignored event ignored.")
  @APIResponse(
      responseCode = "200",
      description = "What the replay did",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "WebhookReceipt")))
  @APIResponse(
      responseCode = "400",
      description = "The event id cannot be read (invalid-parameter)")
  @APIResponse(
      responseCode = "404",
      description = "No stored event has this id (webhook-event-not-found)")
  @APIResponse(
      responseCode = "500",
      description =
          "Applying the event failed again; it stays stored (webhook-processing-failed), or an"
              + " unexpected failure (internal-error)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public WebhookReceipt replay(@PathParam("eventId") String eventId) {
    if (webhooks.status(eventId).isEmpty()) {
      throw new ProblemException(
          Problem.of(
              404,
              "webhook-event-not-found",
              "Event not found",
              "No stored event " + eventId + "."));
    }
    return webhooks.replay(eventId);
  }
}
