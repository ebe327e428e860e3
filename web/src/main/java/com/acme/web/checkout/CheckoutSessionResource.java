package com.acme.web.checkout;

import com.acme.billing.api.StripeSync;
import com.acme.billing.api.StripeSync.CheckoutSessionView;
import com.acme.web.Roles;
import com.acme.web.identity.Caller;
import com.acme.web.identity.CallerAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The success page's look-up (the browser may return before the webhook): reads Stripe through the
 * payment port and applies what it says to the mirror.
 */
@Path("billing")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class CheckoutSessionResource {

  @EJB StripeSync sync;
  @Context SecurityContext security;

  @GET
  @Path("checkout-session/{sessionId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "A checkout session's outcome, applied to the mirror like its webhook",
      description =
          "For the success page: answered from the mirror once applied, Stripe asked at most"
              + " once a second per session; another customer's session is not found (404).")
  @APIResponse(
      responseCode = "200",
      description =
          "The session's status and the customer's subscription after its outcome was applied",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "CheckoutSessionView")))
  @APIResponse(
      responseCode = "400",
      description = "The session id cannot be one (validation-failed)")
  @APIResponse(
      responseCode = "404",
      description =
          "No such session at Stripe, or not the calling customer's (payment-object-not-found)")
  @APIResponse(
      responseCode = "429",
      description =
          "Stripe was asked about this session less than a second ago (too-many-requests, with"
              + " Retry-After)")
  @APIResponse(responseCode = "502", ref = "PaymentProviderRejected")
  @APIResponse(responseCode = "503", ref = "PaymentProviderUnavailable")
  public CheckoutSessionView checkoutSession(
      @PathParam("sessionId")
          @Pattern(regexp = "[A-Za-z0-9_]{1,255}", message = "is not a session id")
          String sessionId) {
    Caller caller = CallerAccess.caller(security);
    boolean anyCustomer = caller.hasRole(Roles.SERVICE) || caller.hasRole(Roles.ADMIN);
    // A customer token without a customer id owns no session.
    String onlyFor = anyCustomer ? null : Objects.requireNonNullElse(caller.customerId(), "");
    return sync.lookUpCheckoutSession(sessionId, onlyFor, "checkout:" + caller.actor());
  }
}
