package com.acme.web.identity;

import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Development profile only: prints a token signed with the development key, so that the default run
 * is usable without an identity provider. In any other profile it does not exist (404).
 */
@Path("dev/token")
@ApplicationScoped
public class DevTokenResource {

  @Inject DevTokenIssuer issuer;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String token(
      @QueryParam("role") @DefaultValue("customer") String role,
      @QueryParam("customerId") String customerId,
      @QueryParam("subject") String subject,
      @QueryParam("minutes") @DefaultValue("60") int minutes) {
    if (!issuer.enabled()) {
      throw new ProblemException(HttpProblems.forStatus(404));
    }
    if (!DevTokenIssuer.ROLES.contains(role)) {
      throw new ProblemException(
          Problem.of(
              400,
              "invalid-parameter",
              "Invalid parameter",
              "role must be one of " + DevTokenIssuer.ROLES + "."));
    }
    if (minutes < 1 || minutes > 24 * 60) {
      throw new ProblemException(
          Problem.of(
              400, "invalid-parameter", "Invalid parameter", "minutes must be within 1..1440."));
    }
    return issuer.issue(role, customerId, subject, minutes) + "\n";
  }
}
