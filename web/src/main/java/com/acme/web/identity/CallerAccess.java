package com.acme.web.identity;

import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, and the rule that a customer acts only for its own customer id. */
public final class CallerAccess {

  private CallerAccess() {}

  public static Caller caller(SecurityContext security) {
    if (security.getUserPrincipal() instanceof JsonWebToken token) {
      return Caller.of(token);
    }
    throw new ProblemException(com.acme.web.problem.HttpProblems.forStatus(401));
  }

  /** The caller, once it is allowed to act for {@code customerId}; 403 otherwise. */
  public static Caller actingFor(SecurityContext security, String customerId) {
    Caller caller = caller(security);
    if (!caller.mayActFor(customerId)) {
      throw new ProblemException(
          Problem.of(
              403,
              "forbidden-customer",
              "Forbidden",
              "A customer token may only act for its own customer id."));
    }
    return caller;
  }
}
