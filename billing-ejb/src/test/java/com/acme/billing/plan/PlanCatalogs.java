package com.acme.billing.plan;

/** The plan catalogue of the shipped {@code pricing.json}, for unit tests outside a container. */
public final class PlanCatalogs {

  private PlanCatalogs() {}

  public static Plans shipped() {
    Plans plans = new Plans();
    plans.load();
    return plans;
  }
}
