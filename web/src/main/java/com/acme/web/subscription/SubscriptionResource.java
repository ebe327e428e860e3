package com.acme.web.subscription;

import com.acme.billing.api.PlanChanges;
import com.acme.billing.api.PlanChanges.PlanChange;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.Subscriptions;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.Caller;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A customer's subscription: its status from the mirror, and plan change, cancel and resume. */
@Path("billing")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class SubscriptionResource {

  @EJB Subscriptions subscriptions;
  @EJB PlanChanges planChanges;

  public record PlanChangeRequest(
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @NotBlank @Size(max = 16) String tierId,
      @NotBlank @Pattern(regexp = "monthly|yearly", message = "must be monthly or yearly")
          String billingPeriod) {}

  public record CustomerRequest(
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId) {}

  @Context SecurityContext security;

  @GET
  @Path("subscription/status/{customerId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Tier, Stripe status, period, grace, billing path and usage of a customer")
  @APIResponse(
      responseCode = "200",
      description =
          "The customer's subscription as the mirror has it (tier FREE, status none if never paid)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "SubscriptionStatus")))
  @APIResponse(
      responseCode = "400",
      description = "The customer id cannot be one (validation-failed)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public SubscriptionStatus status(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId) {
    CallerAccess.actingFor(security, customerId);
    return subscriptions.status(customerId);
  }

  @POST
  @Path("subscription/change-plan")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "Change plan: an upgrade now, invoiced at once; a downgrade at the period's end")
  @APIResponse(
      responseCode = "200",
      description = "What changed and when, with the subscription afterwards",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlanChange")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields) or a tier that"
              + " does not exist (unknown-tier)")
  @APIResponse(
      responseCode = "402",
      description =
          "The upgrade's invoice was charged and the card declined (card-declined, with"
              + " declineCode); the plan did not change")
  @APIResponse(
      responseCode = "409",
      description =
          "The customer is on the legacy billing path (billing-v2-not-enabled), asks for FREE"
              + " (free-needs-no-checkout) or the plan it has (plan-unchanged), has no live paid"
              + " subscription (no-billing-account), or reuses an Idempotency-Key for other parameters (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public PlanChange changePlan(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "upgrade to SCALE",
                              value =
                                  "{\"customerId\":\"cust_42\",\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\"}")))
          @Valid
          @NotNull
          PlanChangeRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    Caller caller = CallerAccess.actingFor(security, request.customerId());
    return planChanges.changePlan(
        request.customerId(),
        request.tierId(),
        request.billingPeriod(),
        caller.actor(),
        idempotencyKey);
  }

  @POST
  @Path("subscription/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Cancel at the end of the current period")
  @APIResponse(
      responseCode = "200",
      description = "The cancellation, effective at the period's end",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlanChange")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid input (validation-failed, malformed-request-body, unknown-fields)")
  @APIResponse(
      responseCode = "409",
      description =
          "The customer has no live paid subscription (no-billing-account), or reuses an Idempotency-Key for other parameters (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public PlanChange cancel(
      @Valid @NotNull CustomerRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    Caller caller = CallerAccess.actingFor(security, request.customerId());
    return planChanges.cancel(request.customerId(), caller.actor(), idempotencyKey);
  }

  @POST
  @Path("subscription/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Undo a cancel at period end")
  @APIResponse(
      responseCode = "200",
      description = "The resumed subscription",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlanChange")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid input (validation-failed, malformed-request-body, unknown-fields)")
  @APIResponse(
      responseCode = "409",
      description =
          "The customer has no live paid subscription (no-billing-account), or reuses an Idempotency-Key for other parameters (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public PlanChange resume(
      @Valid @NotNull CustomerRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    Caller caller = CallerAccess.actingFor(security, request.customerId());
    return planChanges.resume(request.customerId(), caller.actor(), idempotencyKey);
  }
}
