package com.acme.billing.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A resource id that {@code pricing.json} does not define; {@link #known()} lists those it does.
 */
@ApplicationException(rollback = false)
public class UnknownResourceException extends BillingException {
  private final String resource;
  private final List<String> known;

  public UnknownResourceException(String resource, List<String> known) {
    super("unknown resource " + resource + "; known: " + known);
    this.resource = resource;
    this.known = List.copyOf(known);
  }

  public String resource() {
    return resource;
  }

  public List<String> known() {
    return known;
  }
}
