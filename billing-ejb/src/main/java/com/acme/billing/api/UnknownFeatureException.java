package com.acme.billing.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A feature id that {@code pricing.json} does not define; {@link #known()} lists those it does. */
@ApplicationException(rollback = false)
public class UnknownFeatureException extends BillingException {
  private final String feature;
  private final List<String> known;

  public UnknownFeatureException(String feature, List<String> known) {
    super("unknown feature " + feature + "; known: " + known);
    this.feature = feature;
    this.known = List.copyOf(known);
  }

  public String feature() {
    return feature;
  }

  public List<String> known() {
    return known;
  }
}
