package com.acme.billing.plan;

/** The plan catalogue of the shipped {@code pricing.json}, for unit tests outside a container. */
public final class PlanCatalogs {

  private PlanCatalogs() {}

  public static PlanCatalogBean shipped() {
    PlanCatalogBean plans = new PlanCatalogBean();
    plans.load();
    return plans;
  }
}
