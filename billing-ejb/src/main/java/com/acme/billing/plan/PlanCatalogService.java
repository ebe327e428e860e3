package com.acme.billing.plan;

import com.acme.billing.api.PlanCatalog;
import com.acme.billing.api.PlanView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** The module's door to the plans. */
@Stateless
public class PlanCatalogService implements PlanCatalog {

  @EJB Plans plans;

  @Override
  public List<PlanView> plans() {
    return plans.plans();
  }

  @Override
  public List<PlanView> upgradePath(String fromTierId) {
    return plans.upgradePath(fromTierId);
  }
}
