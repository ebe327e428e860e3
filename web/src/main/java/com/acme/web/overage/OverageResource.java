package com.acme.web.overage;

import com.acme.billing.api.Overage;
import com.acme.billing.api.Overage.Change;
import com.acme.billing.api.Overage.OverageSettings;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.Caller;
import com.acme.web.identity.CallerAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Overage protection per customer: top-ups on or off and the monthly spend cap per metered
 * resource, and what was bought this period ({@code customer} for its own account, {@code service}
 * and {@code admin} for any).
 */
@Path("billing/overage")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class OverageResource {

  /** A cap above this is a typing error, not a budget ($1,000,000 a month). */
  static final long MAX_CAP_CENTS = 100_000_000L;

  @EJB Overage overage;
  @Context SecurityContext security;

  public record ResourceChange(Boolean enabled, @Min(0) @Max(MAX_CAP_CENTS) Long monthlyCapCents) {}

  public record OverageChange(@NotNull Map<String, @Valid @NotNull ResourceChange> resources) {}

  @GET
  @Path("{customerId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "The customer's overage settings and this period's top-ups",
      description =
          "Per metered resource (build_hours, storage_gb, ai_embeddings): whether top-ups are on,"
              + " the monthly cap in cents, what was spent and how many packs were bought this"
              + " period, and the pack the plan sells (null on FREE).")
  @APIResponse(
      responseCode = "200",
      description = "The settings and this period's purchases",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "OverageSettings")))
  @APIResponse(
      responseCode = "400",
      description = "The customer id cannot be one (validation-failed)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public OverageSettings get(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId) {
    CallerAccess.actingFor(security, customerId);
    return overage.settings(customerId);
  }

  @PUT
  @Path("{customerId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "Turn top-ups on or off and set the monthly cap, per resource",
      description =
          "Only the resources named change; a field left out keeps its value. When usage would"
              + " pass a limit, a pack is bought if top-ups are on and the cap allows one more"
              + " pack this month.")
  @APIResponse(
      responseCode = "200",
      description = "The settings after the change",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "OverageSettings")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields), or a"
              + " resource without top-ups (invalid-overage)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public OverageSettings put(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "build hours up to $50 a month",
                              value =
                                  "{\"resources\":{\"build_hours\":{\"enabled\":true,"
                                      + "\"monthlyCapCents\":5000}}}")))
          @Valid
          @NotNull
          OverageChange request) {
    Caller caller = CallerAccess.actingFor(security, customerId);
    Map<String, Change> changes = new LinkedHashMap<>();
    request
        .resources()
        .forEach(
            (resource, change) ->
                changes.put(resource, new Change(change.enabled(), change.monthlyCapCents())));
    return overage.change(customerId, changes, caller.actor());
  }
}
