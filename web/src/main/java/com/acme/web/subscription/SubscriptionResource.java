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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A customer's subscription: its status from the mirror, and plan change, cancel and resume. */
@Path("billing")
@RequestScoped
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
  public PlanChange changePlan(
      @Valid @NotNull PlanChangeRequest request,
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
  public PlanChange resume(
      @Valid @NotNull CustomerRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    Caller caller = CallerAccess.actingFor(security, request.customerId());
    return planChanges.resume(request.customerId(), caller.actor(), idempotencyKey);
  }
}
