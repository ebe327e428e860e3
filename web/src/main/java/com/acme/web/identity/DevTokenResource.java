package com.acme.web.identity;

import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Development profile only: prints a token signed with the development key, so that the default run
 * is usable without an identity provider. It answers only a caller on this machine (the loopback
 * interface, and no proxy in between); where it is off ({@code dev.token.enabled}) it does not
 * exist (404).
 */
@Path("dev/token")
@ApplicationScoped
public class DevTokenResource {

  /** Headers a proxy adds: behind one, the loopback peer is the proxy, not the caller. */
  static final List<String> FORWARDING_HEADERS =
      List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

  @Inject DevTokenIssuer issuer;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String token(
      @Context HttpServletRequest request,
      @Context HttpHeaders headers,
      @QueryParam("role") @DefaultValue("customer") String role,
      @QueryParam("customerId") String customerId,
      @QueryParam("subject") String subject,
      @QueryParam("minutes") @DefaultValue("60") int minutes) {
    if (!issuer.enabled()) {
      throw new ProblemException(HttpProblems.forStatus(404));
    }
    boolean forwarded =
        FORWARDING_HEADERS.stream()
            .map(headers::getRequestHeader)
            .anyMatch(values -> values != null && !values.isEmpty());
    if (forwarded || !isLoopback(request.getRemoteAddr())) {
      throw new ProblemException(
          Problem.of(
              403,
              "dev-token-loopback-only",
              "Development tokens for this machine only",
              "The development token command answers only requests made on this machine to"
                  + " localhost, not through a proxy."));
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

  /** Whether an address (an IP literal, as the container gives it) is a loopback address. */
  static boolean isLoopback(String address) {
    if (address == null) {
      return false;
    }
    String literal = address.trim();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    // Only IP literals, for which no name look-up happens; a name is never trusted.
    if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
