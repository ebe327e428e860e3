package com.acme.web.subscription;

import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.Subscriptions;
import com.acme.web.Ids;
import com.acme.web.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A customer's subscription as the local mirror has it, with usage and the billing path. */
@Path("billing")
@RequestScoped
@SecurityRequirement(name = "jwt")
public class SubscriptionResource {

  @EJB Subscriptions subscriptions;
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
}
