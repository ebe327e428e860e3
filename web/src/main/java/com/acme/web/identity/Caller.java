package com.acme.web.identity;

import com.acme.web.Roles;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller: its subject, the customer it acts for (if any), its roles. */
public record Caller(String subject, String customerId, List<String> roles) {

  public static final String CUSTOMER_ID_CLAIM = "customer_id";
  private static final List<String> KNOWN_ROLES =
      List.of(Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN);

  public static Caller of(JsonWebToken token) {
    Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
    Object customerId = token.getClaim(CUSTOMER_ID_CLAIM);
    return new Caller(
        token.getSubject(),
        customerId == null ? null : customerId.toString(),
        KNOWN_ROLES.stream().filter(groups::contains).toList());
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Service and admin act for any customer; a customer only for its own id. */
  public boolean mayActFor(String customer) {
    return hasRole(Roles.SERVICE)
        || hasRole(Roles.ADMIN)
        || (hasRole(Roles.CUSTOMER) && customerId != null && customerId.equals(customer));
  }

  /** Who did it, for audit logs and change history: the subject, never the token. */
  public String actor() {
    return subject == null ? "unknown" : subject;
  }
}
