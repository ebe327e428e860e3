package com.acme.web.identity;

import com.acme.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who the caller is, as this server understands its token. Every endpoint here is protected. */
@Path("billing/whoami")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class WhoAmIResource {

  @Inject JsonWebToken token;

  public record WhoAmI(String subject, String customerId, List<String> roles) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "The caller's subject, customer id and roles")
  @APIResponse(
      responseCode = "200",
      description = "Who the token says the caller is",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WhoAmI")))
  public WhoAmI whoAmI() {
    Caller caller = Caller.of(token);
    return new WhoAmI(caller.subject(), caller.customerId(), caller.roles());
  }
}
