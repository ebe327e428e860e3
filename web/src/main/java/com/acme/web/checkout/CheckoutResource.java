package com.acme.web.checkout;

import com.acme.billing.api.Checkout;
import com.acme.billing.api.Checkout.CheckoutSession;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Stripe Checkout and the Customer Portal (customers on the billing_v2 path). */
@Path("billing")
@RequestScoped
@SecurityRequirement(name = "jwt")
public class CheckoutResource {

  @EJB Checkout checkout;
  @Context SecurityContext security;

  public record CheckoutRequest(
      @NotBlank @Size(max = 16) String tierId,
      @NotBlank @Pattern(regexp = "monthly|yearly", message = "must be monthly or yearly")
          String billingPeriod,
      @NotBlank @Size(max = 2000) String successUrl,
      @NotBlank @Size(max = 2000) String cancelUrl,
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId) {}

  public record PortalRequest(
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @NotBlank @Size(max = 2000) String returnUrl) {}

  public record PortalSession(String url) {}

  @POST
  @Path("create-checkout-session")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Start a Stripe Checkout for a paid plan (409 with a live subscription)")
  public CheckoutSession createCheckoutSession(
      @Valid @NotNull CheckoutRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    CallerAccess.actingFor(security, request.customerId());
    return checkout.createCheckoutSession(
        request.customerId(),
        request.tierId(),
        request.billingPeriod(),
        request.successUrl(),
        request.cancelUrl(),
        idempotencyKey);
  }

  @POST
  @Path("create-portal-session")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary =
          "Open the Stripe Customer Portal for the customer (also on the legacy path once"
              + " subscribed)")
  public PortalSession createPortalSession(
      @Valid @NotNull PortalRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    CallerAccess.actingFor(security, request.customerId());
    return new PortalSession(
        checkout.createPortalSession(request.customerId(), request.returnUrl(), idempotencyKey));
  }
}
