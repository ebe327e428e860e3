package com.acme.web.checkout;

import com.acme.billing.api.Checkout;
import com.acme.billing.api.Checkout.CheckoutSession;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.CallerAccess;
import com.acme.web.metrics.ApiMetrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Stripe Checkout and the Customer Portal (customers on the billing_v2 path). */
@Path("billing")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class CheckoutResource {

  @EJB Checkout checkout;
  @Inject ApiMetrics metrics;
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
  @APIResponse(
      responseCode = "200",
      description = "The session: send the customer to its url",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "CheckoutSession")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields), a tier that does"
              + " not exist (unknown-tier) or a redirect URL that is not allowed (redirect-not-allowed)")
  @APIResponse(
      responseCode = "409",
      description =
          "The customer is on the legacy billing path (billing-v2-not-enabled), asks for FREE"
              + " (free-needs-no-checkout), already has a live subscription (subscription-exists), or"
              + " reuses an Idempotency-Key for other parameters (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public CheckoutSession createCheckoutSession(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "PRO monthly",
                              value =
                                  "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\",\"successUrl\":\"https://app.example/billing/success\",\"cancelUrl\":\"https://app.example/billing\",\"customerId\":\"cust_42\"}")))
          @Valid
          @NotNull
          CheckoutRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    CallerAccess.actingFor(security, request.customerId());
    CheckoutSession session =
        checkout.createCheckoutSession(
            request.customerId(),
            request.tierId(),
            request.billingPeriod(),
            request.successUrl(),
            request.cancelUrl(),
            idempotencyKey);
    metrics.checkoutSessionCreated();
    return session;
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
  @APIResponse(
      responseCode = "200",
      description = "The portal: send the customer to its url",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PortalSession")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields) or a return"
              + " URL that is not allowed (redirect-not-allowed)")
  @APIResponse(
      responseCode = "409",
      description =
          "The customer has no Stripe billing account yet (no-billing-account), has never"
              + " subscribed and is on the legacy billing path (billing-v2-not-enabled), or reuses an"
              + " Idempotency-Key for other parameters (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public PortalSession createPortalSession(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "portal",
                              value =
                                  "{\"customerId\":\"cust_42\",\"returnUrl\":\"https://app.example/billing\"}")))
          @Valid
          @NotNull
          PortalRequest request,
      @HeaderParam(Ids.IDEMPOTENCY_KEY_HEADER)
          @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE)
          String idempotencyKey) {
    CallerAccess.actingFor(security, request.customerId());
    PortalSession portal =
        new PortalSession(
            checkout.createPortalSession(
                request.customerId(), request.returnUrl(), idempotencyKey));
    metrics.portalSessionCreated();
    return portal;
  }
}
