package com.acme.billing.api;

import jakarta.ejb.Local;
import java.util.List;

/** The plans of {@code pricing.json}, validated at start-up. */
@Local
public interface PlanCatalog {

  /** Every plan, cheapest first. */
  List<PlanView> plans();

  /** The plan {@code fromTierId} and the plans it can upgrade to. */
  List<PlanView> upgradePath(String fromTierId);
}
