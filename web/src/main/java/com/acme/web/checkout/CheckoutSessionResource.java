package com.acme.web.checkout;

import com.acme.billing.api.StripeSync;
import com.acme.billing.api.StripeSync.CheckoutSessionView;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.web.Roles;
import com.acme.web.identity.Caller;
import com.acme.web.identity.CallerAccess;
import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The success page's look-up (the browser may return before the webhook) and support's sync: both
 * read Stripe through the payment port and apply what it says to the mirror.
 */
@Path("billing")
@RequestScoped
@SecurityRequirement(name = "jwt")
public class CheckoutSessionResource {

  @EJB StripeSync sync;
  @Context SecurityContext security;

  public record CheckoutSessionStatus(
      String sessionId, String status, String customerId, SubscriptionStatus subscription) {}

  @GET
  @Path("checkout-session/{sessionId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "A checkout session's outcome, applied to the mirror like its webhook")
  public CheckoutSessionStatus checkoutSession(
      @PathParam("sessionId")
          @Pattern(regexp = "[A-Za-z0-9_]{1,255}", message = "is not a session id")
          String sessionId) {
    CheckoutSessionView session = sync.checkoutSession(sessionId);
    if (session.customerId() == null) {
      throw new ProblemException(
          Problem.of(
              404,
              "checkout-session-not-found",
              "Checkout session not found",
              "No checkout session of this platform has that id."));
    }
    Caller caller = CallerAccess.actingFor(security, session.customerId());
    SubscriptionStatus status = sync.applyCheckoutSession(sessionId, "checkout:" + caller.actor());
    return new CheckoutSessionStatus(
        session.sessionId(), session.status(), session.customerId(), status);
  }
}
