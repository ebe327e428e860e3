package com.acme.web.audit;

import com.acme.billing.api.AuditTrail;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.request.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The audit log for admins: every recorded change, filtered, newest first, in pages. */
@Path("billing/audit")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class AuditResource {

  private static final String ACTION = "[a-z0-9_.]{1,64}";

  @EJB AuditTrail audit;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "The audit log, newest first, paged",
      description =
          "Every change the product recorded (subscription mirror updates, admin corrections,"
              + " overage settings, top-ups), filtered by customer, type and time range.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the matching entries",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditPage")))
  @APIResponse(
      responseCode = "400",
      description =
          "customerId or type cannot be one, from or to is not an instant, from is after to,"
              + " or page or size is out of range (invalid-parameter)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public AuditTrail.Page list(
      @Parameter(description = "Only this customer's entries") @QueryParam("customerId")
          String customerId,
      @Parameter(description = "Only entries of this type (action), e.g. overage_setting_changed")
          @QueryParam("type")
          String type,
      @Parameter(description = "From this instant on (included), e.g. 2026-12-01T00:00:00Z")
          @QueryParam("from")
          String from,
      @Parameter(description = "Before this instant (excluded)") @QueryParam("to") String to,
      @Parameter(
              description = "The page, from 0",
              schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
          @QueryParam("page")
          @DefaultValue("0")
          int page,
      @Parameter(
              description = "Entries per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "" + AuditTrail.MAX_PAGE_SIZE))
          @QueryParam("size")
          @DefaultValue("50")
          int size) {
    if (customerId != null && !customerId.matches(Ids.CUSTOMER_ID)) {
      throw QueryParameters.invalid("customerId", "customerId " + Ids.CUSTOMER_ID_MESSAGE + ".");
    }
    if (type != null && !type.matches(ACTION)) {
      throw QueryParameters.invalid(
          "type", "type must be 1 to 64 lower-case letters, digits, '_' or '.'.");
    }
    Instant first = QueryParameters.instant("from", from);
    Instant end = QueryParameters.instant("to", to);
    if (first != null && end != null && first.isAfter(end)) {
      throw QueryParameters.invalid("from", "from must not be after to.");
    }
    QueryParameters.requirePage(page, size, AuditTrail.MAX_PAGE_SIZE);
    return audit.entries(new AuditTrail.Filter(customerId, type, first, end), page, size);
  }
}
