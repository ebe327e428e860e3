package com.acme.billing.overage;

import com.acme.billing.api.Money;
import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.api.TopUpBought;
import com.acme.billing.audit.AuditLog;
import com.acme.billing.operations.BillingFact;
import com.acme.billing.operations.BillingFact.PaymentRecorded;
import com.acme.billing.plan.Resource;
import com.acme.billing.plan.Tier;
import com.acme.billing.plan.TopUpPack;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.PaymentGateway.ChargedInvoice;
import com.acme.billing.stripe.PaymentGateway.TopUpCharge;
import com.acme.billing.stripe.StripeCustomers;
import com.acme.billing.usage.TopUpBuyer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Buys overage packs, one at a time, under the lock of the customer's setting for the resource:
 * whoever holds it sees every pack bought before it, so a burst of requests at the limit buys
 * exactly as many packs as its usage needs, never one more.
 */
@Stateless
public class TopUpPurchases implements TopUpBuyer {

  private static final Logger LOG = Logger.getLogger(TopUpPurchases.class.getName());

  @Inject OverageStore store;
  @Inject PaymentGateway gateway;
  @Inject StripeCustomers customers;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<BillingFact> facts;

  /**
   * Buys one pack if {@code wanted} (the resource's use after the change, read under the lock) does
   * not fit the effective limit and the customer's setting allows it. The pack is charged through
   * the payment port and recorded in this transaction; a failed charge leaves nothing.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<Resource, Long> headroom(String customerId, Instant monthStart) {
    Map<Resource, Long> headroom = new EnumMap<>(Resource.class);
    for (TopUp topUp : store.ofPeriod(customerId, monthStart)) {
      if (topUp.counts()) {
        Resource.byId(topUp.resource())
            .ifPresent(r -> headroom.merge(r, topUp.quantity(), Long::sum));
      }
    }
    return headroom;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Attempt buyOne(
      String customerId,
      Resource resource,
      Tier tier,
      Instant monthStart,
      LongSupplier wanted,
      String actor) {
    Optional<TopUpPack> offered = tier.topUp(resource);
    if (offered.isEmpty()) {
      return new Attempt(Outcome.NOT_OFFERED, null);
    }
    Optional<OverageSetting> setting = store.lock(customerId, resource.id());
    OverageTerms terms = setting.map(store::terms).orElse(OverageTerms.NONE);
    if (!terms.enabled()) {
      return new Attempt(Outcome.DISABLED, null);
    }
    TopUpPack pack = offered.get();
    List<TopUp> month =
        store.ofPeriod(customerId, monthStart).stream()
            .filter(t -> t.resource().equals(resource.id()))
            .toList();
    long headroom = month.stream().filter(TopUp::counts).mapToLong(TopUp::quantity).sum();
    long needed =
        TopUpRules.packsNeeded(wanted.getAsLong(), tier.limit(resource) + headroom, pack.size());
    if (needed == 0) {
      return new Attempt(Outcome.ROOM_MADE, null);
    }
    if (needed > MAX_PACKS_PER_REQUEST) {
      return new Attempt(Outcome.TOO_MANY, null);
    }
    // Every pack the request needs must fit the cap, or none is bought: a pack that would not let
    // the usage through is money spent for nothing.
    long spent = month.stream().filter(TopUp::counts).mapToLong(TopUp::amount).sum();
    if (!TopUpRules.withinCap(spent, needed, pack.price().amount(), terms.monthlyCapCents())) {
      return new Attempt(Outcome.CAP_REACHED, null);
    }
    Optional<String> stripeCustomer = customers.stripeCustomerOf(customerId);
    if (stripeCustomer.isEmpty()) {
      return new Attempt(Outcome.NOT_OFFERED, null);
    }
    int number = month.stream().mapToInt(TopUp::packNumber).max().orElse(0) + 1;
    String key = TopUpRules.key(customerId, resource.id(), monthStart, number);
    ChargedInvoice invoice;
    try {
      invoice =
          gateway.chargeTopUp(
              new TopUpCharge(
                  stripeCustomer.get(),
                  customerId,
                  resource.id(),
                  pack.size(),
                  pack.price().amount(),
                  pack.price().currency(),
                  key));
    } catch (PaymentProviderException e) {
      if (e.kind() != PaymentProviderException.Kind.CARD_DECLINED) {
        throw e;
      }
      // Kept, as failed: the next attempt (another card, perhaps) is the next pack number and so
      // gets a key of its own; Stripe would answer this key's decline again for a day.
      TopUp declined =
          new TopUp(
              customerId,
              resource.id(),
              monthStart,
              number,
              pack.size(),
              pack.price().amount(),
              pack.price().currency(),
              null,
              key,
              clock.instant());
      declined.fail();
      store.add(declined);
      audit.record(
          actor,
          customerId,
          "top_up_declined",
          null,
          "{\"resource\":\"%s\",\"pack\":%d,\"declineCode\":\"%s\"}"
              .formatted(resource.id(), number, e.code()),
          clock.instant());
      facts.fire(new PaymentRecorded(customerId, null, false, PaymentRecorded.TOP_UP));
      return new Attempt(Outcome.DECLINED, null);
    }
    Instant now = clock.instant();
    store.add(
        new TopUp(
            customerId,
            resource.id(),
            monthStart,
            number,
            pack.size(),
            pack.price().amount(),
            pack.price().currency(),
            invoice.invoiceId(),
            key,
            now));
    audit.record(
        actor,
        customerId,
        "top_up_bought",
        null,
        "{\"resource\":\"%s\",\"pack\":%d,\"quantity\":%d,\"amount\":%d,\"invoice\":\"%s\"}"
            .formatted(
                resource.id(), number, pack.size(), pack.price().amount(), invoice.invoiceId()),
        now);
    facts.fire(new PaymentRecorded(customerId, invoice.invoiceId(), true, PaymentRecorded.TOP_UP));
    facts.fire(new BillingFact.TopUpPurchased(customerId, resource.id(), pack.size()));
    LOG.info(
        () ->
            "top-up bought: customer "
                + customerId
                + ", "
                + pack.size()
                + " "
                + resource.id()
                + ", pack "
                + number
                + ", invoice "
                + invoice.invoiceId());
    return new Attempt(
        Outcome.BOUGHT,
        new TopUpBought(
            resource.id(),
            1,
            pack.size(),
            new Money(pack.price().amount(), pack.price().currency())));
  }
}
