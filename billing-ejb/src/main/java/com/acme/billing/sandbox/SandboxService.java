package com.acme.billing.sandbox;

import com.acme.billing.api.Sandbox;
import com.acme.billing.plan.PlanCatalogBean;
import com.acme.billing.plan.Tier;
import com.acme.billing.stripe.PaymentGatewayProducer;
import com.acme.billing.stripe.PriceCatalog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** The sandbox's hosted pages, for the web module. Everything is off unless the sandbox serves. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxService implements Sandbox {

  @Inject SandboxGateway sandbox;
  @Inject PaymentGatewayProducer gateways;
  @Inject PriceCatalog prices;
  @EJB PlanCatalogBean plans;

  @Override
  public boolean active() {
    return gateways.sandboxActive();
  }

  @Override
  public Optional<CheckoutPage> checkoutPage(String sessionId) {
    if (!active()) {
      return Optional.empty();
    }
    return sandbox
        .page(sessionId)
        .flatMap(
            page ->
                prices
                    .byPriceId(page.priceId())
                    .map(
                        tierPeriod -> {
                          Tier tier = plans.tier(tierPeriod.tierId());
                          return new CheckoutPage(
                              page.id(),
                              page.customerId(),
                              tier.name(),
                              tierPeriod.billingPeriod(),
                              tier.price(tierPeriod.billingPeriod()),
                              page.status());
                        }));
  }

  @Override
  public PayResult pay(String sessionId, String card) {
    if (!active()) {
      throw new IllegalStateException("the sandbox is not active");
    }
    try {
      return new PayResult(sandbox.pay(sessionId, card), null);
    } catch (SandboxGateway.Declined e) {
      return new PayResult(null, e.getMessage());
    }
  }

  @Override
  public Optional<String> cancelUrl(String sessionId) {
    return active() && sandbox.page(sessionId).isPresent()
        ? Optional.of(sandbox.cancel(sessionId))
        : Optional.empty();
  }

  @Override
  public Optional<String> portalReturnUrl(String portalId) {
    return active() ? sandbox.portalReturnUrl(portalId) : Optional.empty();
  }
}
