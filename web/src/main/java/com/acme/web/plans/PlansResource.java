package com.acme.web.plans;

import com.acme.billing.api.PlanCatalog;
import com.acme.billing.api.PlanView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public plan list: no token needed. */
@Path("billing")
@RequestScoped
public class PlansResource {

  @EJB PlanCatalog catalog;

  public record Plans(List<PlanView> plans) {}

  @GET
  @Path("plans")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Every plan with prices, limits, features and upgrade options")
  @APIResponse(
      responseCode = "200",
      description = "The plans, cheapest first",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlanList")))
  @APIResponse(
      responseCode = "400",
      description =
          "from is not a tier (unknown-tier, with knownTiers) or cannot be read"
              + " (invalid-parameter)")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Plans plans(
      @QueryParam("from")
          @Parameter(description = "A tier id: answer that plan and the plans it can upgrade to")
          String from) {
    return new Plans(from == null || from.isBlank() ? catalog.plans() : catalog.upgradePath(from));
  }
}
