package com.acme.web.entitlement;

import com.acme.billing.api.Entitlements;
import com.acme.billing.api.FeatureAccess;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** "May this customer use this feature?": called on every request, answered from memory. */
@Path("billing")
@RequestScoped
@SecurityRequirement(name = "jwt")
public class EntitlementResource {

  @EJB Entitlements entitlements;
  @Context SecurityContext security;

  public record FeatureAccessRequest(
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @NotBlank @Size(max = 64) String feature) {}

  @POST
  @Path("check-feature-access")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Whether the customer's plan and subscription state grant a feature")
  public FeatureAccess checkFeatureAccess(@Valid @NotNull FeatureAccessRequest request) {
    CallerAccess.actingFor(security, request.customerId());
    return entitlements.checkFeature(request.customerId(), request.feature());
  }
}
