package com.acme.billing.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A tier id that {@code pricing.json} does not define; {@link #known()} lists those it does. */
@ApplicationException(rollback = false)
public class UnknownTierException extends BillingException {
  private final String tierId;
  private final List<String> known;

  public UnknownTierException(String tierId, List<String> known) {
    super("unknown tier " + tierId + "; known: " + known);
    this.tierId = tierId;
    this.known = List.copyOf(known);
  }

  public String tierId() {
    return tierId;
  }

  public List<String> known() {
    return known;
  }
}
