package com.acme.billing.sandbox;

import com.acme.billing.api.Money;
import com.acme.billing.api.Sandbox;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import com.acme.billing.stripe.PriceCatalog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The sandbox's hosted pages, for the web module. Everything is off unless the sandbox serves. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxService implements Sandbox {

  @Inject SandboxGateway sandbox;
  @Inject PaymentGatewayProducer gateways;
  @Inject PriceCatalog prices;
  @EJB Plans plans;

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
    } catch (SandboxGateway.Declined | IllegalStateException e) {
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

  @Override
  public Optional<PortalPage> portalPage(String portalId) {
    if (!active()) {
      return Optional.empty();
    }
    return sandbox
        .portalReturnUrl(portalId)
        .map(
            back ->
                sandbox
                    .portalSubscription(portalId)
                    .flatMap(
                        sub ->
                            prices
                                .byPriceId(sub.getItems().getData().get(0).getPrice().getId())
                                .map(
                                    tp ->
                                        new PortalPage(
                                            back,
                                            tp.tierId(),
                                            tp.billingPeriod(),
                                            Boolean.TRUE.equals(sub.getCancelAtPeriodEnd()))))
                    .orElse(new PortalPage(back, null, null, false)));
  }

  @Override
  public String portalAction(String portalId, String action, String tierId, String billingPeriod) {
    if (!active() || sandbox.portalSubscription(portalId).isEmpty()) {
      return "There is no subscription to manage in this portal session.";
    }
    switch (action) {
      case "cancel" -> sandbox.portalCancel(portalId, true);
      case "resume" -> sandbox.portalCancel(portalId, false);
      case "update-card" -> sandbox.portalUpdateCard(portalId);
      case "switch" -> {
        Optional<String> price =
            tierId == null || billingPeriod == null
                ? Optional.empty()
                : prices.priceId(tierId, billingPeriod);
        if (price.isEmpty()) {
          return "Choose one of the plans shown.";
        }
        sandbox.portalSwitch(portalId, price.get());
      }
      default -> {
        return "Unknown action.";
      }
    }
    return "Done.";
  }

  @Override
  public Optional<InvoicePage> invoicePage(String invoiceId) {
    if (!active()) {
      return Optional.empty();
    }
    return sandbox
        .invoice(invoiceId)
        .map(
            json ->
                new InvoicePage(
                    invoiceId,
                    json.get("number").getAsString(),
                    json.get("status").getAsString(),
                    new Money(
                        json.get("amount_paid").getAsLong(), json.get("currency").getAsString()),
                    Instant.ofEpochSecond(json.get("period_start").getAsLong()),
                    Instant.ofEpochSecond(json.get("period_end").getAsLong()),
                    Instant.ofEpochSecond(json.get("created").getAsLong())));
  }
}
