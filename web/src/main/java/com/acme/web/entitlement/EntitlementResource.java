package com.acme.web.entitlement;

import com.acme.billing.api.Entitlements;
import com.acme.billing.api.FeatureAccess;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.CallerAccess;
import com.acme.web.metrics.ApiMetrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** "May this customer use this feature?": called on every request, answered from memory. */
@Path("billing")
@ApplicationScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class EntitlementResource {

  @EJB Entitlements entitlements;
  @Inject ApiMetrics metrics;
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
  @APIResponse(
      responseCode = "200",
      description = "Whether the feature is granted, under which tier, and why",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FeatureAccess")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields) or a feature"
              + " that does not exist (unknown-feature, with knownFeatures)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public FeatureAccess checkFeatureAccess(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "autoscale",
                              value = "{\"customerId\":\"cust_42\",\"feature\":\"autoscale\"}")))
          @Valid
          @NotNull
          FeatureAccessRequest request) {
    CallerAccess.actingFor(security, request.customerId());
    FeatureAccess access = entitlements.checkFeature(request.customerId(), request.feature());
    metrics.featureChecked(access.allowed());
    return access;
  }
}
