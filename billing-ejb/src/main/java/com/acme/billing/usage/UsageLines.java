package com.acme.billing.usage;

import com.acme.billing.api.UsageLine;
import com.acme.billing.entitlement.CustomerStates;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Resource;
import com.acme.billing.plan.Tier;
import com.acme.billing.subscription.Access;
import com.acme.billing.subscription.MirrorState;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each resource's usage against the limit of the tier that applies now. */
@ApplicationScoped
public class UsageLines {

  @EJB UsageCounters counters;
  @EJB Plans plans;
  @Inject CustomerStates states;
  @Inject TopUpBuyer buyer;

  /** Every resource's usage line for a customer in the given mirror state. */
  public Map<String, UsageLine> of(String customerId, MirrorState state, Instant now) {
    Context context = context(state, now);
    Map<Resource, Long> used = counters.usedAll(customerId, context.monthStart());
    Map<Resource, Long> topUps = topUps(customerId, context);
    Map<String, UsageLine> lines = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      lines.put(
          r.id(),
          UsageLevels.line(used.get(r), context.tier().limit(r), topUps.getOrDefault(r, 0L)));
    }
    return lines;
  }

  /**
   * What the month's overage packs add to each limit. A FREE customer can buy none, so its month is
   * not looked up: the hot path of a free customer's checks stays one query.
   */
  public Map<Resource, Long> topUps(String customerId, Context context) {
    return context.tier().topUps().isEmpty()
        ? Map.of()
        : buyer.headroom(customerId, context.monthStart());
  }

  /** The tier whose limits apply now and the start of the customer's usage month. */
  public Context context(MirrorState state, Instant now) {
    Access access = states.rule().evaluate(state, now);
    Tier tier = plans.tier(access.tierId());
    boolean paid = access.basis() == Access.Basis.PAID || access.basis() == Access.Basis.GRACE;
    return new Context(tier, UsagePeriod.currentMonthStart(paid, state.cycleAnchor(), now));
  }

  public record Context(Tier tier, Instant monthStart) {}
}
