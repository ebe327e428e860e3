package com.acme.web.subscription;

import com.acme.billing.api.MirrorCorrection;
import com.acme.billing.api.StripeSync;
import com.acme.billing.api.SubscriptionRecord;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.Subscriptions;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.CallerAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Support's repair tools for the subscription mirror: correct by hand, or sync from Stripe. */
@Path("billing/admin")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class AdminSubscriptionResource {

  @EJB Subscriptions subscriptions;
  @EJB StripeSync sync;
  @Context SecurityContext security;

  public record CorrectionRequest(
      @NotBlank @Size(max = 16) String tierId,
      @NotBlank @Size(max = 32) String status,
      @Size(max = 8) String billingPeriod,
      Instant cycleAnchor,
      Instant currentPeriodEnd,
      Boolean cancelAtPeriodEnd) {}

  @PUT
  @Path("customers/{customerId}/subscription")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Correct a customer's subscription mirror by hand",
      description =
          "Audited; every instance drops the customer's cached entitlements within 2 s. The next"
              + " Stripe event for the subscription overrides it.")
  @APIResponse(
      responseCode = "200",
      description = "The customer's subscription after the correction",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "SubscriptionStatus")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields) or a tier that"
              + " does not exist (unknown-tier)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public SubscriptionStatus correct(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "PRO active",
                              value =
                                  "{\"tierId\":\"PRO\",\"status\":\"active\",\"billingPeriod\":\"monthly\"}")))
          @Valid
          @NotNull
          CorrectionRequest request) {
    String actor = CallerAccess.caller(security).actor();
    return subscriptions.correct(
        customerId,
        new MirrorCorrection(
            request.tierId(),
            request.status(),
            request.billingPeriod(),
            request.cycleAnchor(),
            request.currentPeriodEnd(),
            Boolean.TRUE.equals(request.cancelAtPeriodEnd())),
        actor);
  }

  public record SubscriptionList(String customerId, List<SubscriptionRecord> subscriptions) {}

  @GET
  @Path("customers/{customerId}/subscriptions")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Every subscription of a customer in the mirror",
      description =
          "Support's view: a second live subscription is marked duplicate (to refund), a price"
              + " no tier maps to is named in unknownPriceId.")
  @APIResponse(
      responseCode = "200",
      description = "The customer's subscriptions, live and ended",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "SubscriptionList")))
  @APIResponse(
      responseCode = "400",
      description = "The customer id cannot be one (validation-failed)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public SubscriptionList subscriptions(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId) {
    return new SubscriptionList(customerId, subscriptions.subscriptions(customerId));
  }

  @POST
  @Path("customers/{customerId}/sync")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Re-read the customer's subscription from Stripe and repair the mirror")
  @APIResponse(
      responseCode = "200",
      description = "The customer's subscription after the repair",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "SubscriptionStatus")))
  @APIResponse(
      responseCode = "400",
      description = "The customer id cannot be one (validation-failed)")
  @APIResponse(
      responseCode = "409",
      description = "The customer has no Stripe subscription to sync (no-billing-account)")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public SubscriptionStatus sync(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId) {
    return sync.sync(customerId, CallerAccess.caller(security).actor());
  }
}
