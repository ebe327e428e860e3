package com.acme.billing.usage;

import com.acme.billing.api.IdempotencyKeyReusedException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.UnknownResourceException;
import com.acme.billing.api.UsageLine;
import com.acme.billing.api.UsageMeter;
import com.acme.billing.api.UsageOutcome;
import com.acme.billing.api.UsageReport;
import com.acme.billing.entitlement.EntitlementService;
import com.acme.billing.plan.PlanCatalogBean;
import com.acme.billing.plan.Resource;
import com.acme.billing.plan.Tier;
import com.acme.billing.subscription.Access;
import com.acme.billing.subscription.MirrorState;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usage recording and reports. Each record runs in its own transaction ({@link UsageCounters});
 * this bean only prepares it and turns a lost race on the idempotency key into a replay.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageService implements UsageMeter {

  static final String KIND_CONSUMED = "consumed";
  static final String KIND_LEVEL = "level";

  @EJB UsageCounters counters;
  @EJB EntitlementService entitlements;
  @EJB PlanCatalogBean plans;
  @Inject Clock clock;

  @Override
  public UsageOutcome recordConsumption(
      String customerId,
      String resourceId,
      long quantity,
      String idempotencyKey,
      boolean enforce,
      String actor) {
    Resource resource = resource(resourceId, Resource.Kind.CONSUMED);
    if (quantity <= 0) {
      throw new InvalidUsageException("quantity", "quantity must be a positive whole number");
    }
    return record(customerId, resource, KIND_CONSUMED, quantity, idempotencyKey, enforce, actor);
  }

  @Override
  public UsageOutcome setLevel(
      String customerId,
      String resourceId,
      long value,
      String idempotencyKey,
      boolean enforce,
      String actor) {
    Resource resource = resource(resourceId, Resource.Kind.LEVEL);
    if (value < 0) {
      throw new InvalidUsageException("value", "value must be zero or a positive whole number");
    }
    return record(customerId, resource, KIND_LEVEL, value, idempotencyKey, enforce, actor);
  }

  /** Every resource's usage line for a customer in the given mirror state. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, UsageLine> lines(String customerId, MirrorState state, Instant now) {
    Context context = context(state, now);
    Map<Resource, Long> used = counters.usedAll(customerId, context.monthStart());
    Map<String, UsageLine> lines = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      lines.put(r.id(), UsageLevels.line(used.get(r), context.tier().limit(r)));
    }
    return lines;
  }

  @Override
  public UsageReport check(String customerId, Map<String, Long> extra) {
    Map<Resource, Long> asked = new LinkedHashMap<>();
    extra.forEach(
        (id, amount) -> {
          Resource r =
              Resource.byId(id).orElseThrow(() -> new UnknownResourceException(id, Resource.ids()));
          if (amount == null || amount < 0) {
            throw new InvalidUsageException("usage." + id, "usage." + id + " must be zero or more");
          }
          asked.put(r, amount);
        });
    Instant now = clock.instant();
    MirrorState state = entitlements.state(customerId);
    Map<String, UsageLine> lines = lines(customerId, state, now);
    if (asked.isEmpty()) {
      // No amounts: may the customer use one more unit? At exactly the limit it may not.
      for (Resource r : Resource.values()) {
        asked.put(r, 1L);
      }
    }
    List<String> blockedBy = new ArrayList<>();
    asked.forEach(
        (r, amount) -> {
          UsageLine line = lines.get(r.id());
          if (amount > line.limit() - line.used()) { // used + amount > limit, without overflow
            blockedBy.add(r.id());
          }
        });
    String tierId = context(state, now).tier().id();
    return new UsageReport(customerId, tierId, blockedBy.isEmpty(), blockedBy, lines);
  }

  private UsageOutcome record(
      String customerId,
      Resource resource,
      String kind,
      long quantity,
      String idempotencyKey,
      boolean enforce,
      String actor) {
    Optional<UsageOutcome> replay = replay(customerId, resource, kind, quantity, idempotencyKey);
    if (replay.isPresent()) {
      return replay.get();
    }
    Instant now = clock.instant();
    Context context = context(customerId, now);
    Instant period = resource.isConsumed() ? context.monthStart() : UsagePeriod.LEVELS;
    long limit = context.tier().limit(resource);
    try {
      counters.ensureRow(customerId, resource, period);
    } catch (EJBException | PersistenceException e) {
      // A concurrent first record created the row: exactly what was needed.
    }
    try {
      counters.apply(
          customerId, resource, period, kind, quantity, limit, enforce, idempotencyKey, actor, now);
    } catch (EJBException | PersistenceException e) {
      // A concurrent twin with the same key won the unique constraint: answer as a replay.
      return replay(customerId, resource, kind, quantity, idempotencyKey).orElseThrow(() -> e);
    }
    long usedNow = counters.used(customerId, resource, period);
    return new UsageOutcome(
        customerId, resource.id(), idempotencyKey, UsageLevels.line(usedNow, limit), false);
  }

  private Optional<UsageOutcome> replay(
      String customerId, Resource resource, String kind, long quantity, String key) {
    return counters
        .findRecord(customerId, key)
        .map(
            stored -> {
              if (!stored.resource().equals(resource.id())
                  || !stored.kind().equals(kind)
                  || stored.quantity() != quantity) {
                throw new IdempotencyKeyReusedException(key);
              }
              Context context = context(customerId, clock.instant());
              Instant period = resource.isConsumed() ? context.monthStart() : UsagePeriod.LEVELS;
              long limit = context.tier().limit(resource);
              return new UsageOutcome(
                  customerId,
                  resource.id(),
                  key,
                  UsageLevels.line(counters.used(customerId, resource, period), limit),
                  true);
            });
  }

  /** The tier whose limits apply now and the start of the customer's usage month. */
  private Context context(String customerId, Instant now) {
    return context(entitlements.state(customerId), now);
  }

  private Context context(MirrorState state, Instant now) {
    Access access = entitlements.rule().evaluate(state, now);
    Tier tier = plans.tier(access.tierId());
    boolean paid = access.basis() == Access.Basis.PAID || access.basis() == Access.Basis.GRACE;
    return new Context(tier, UsagePeriod.currentMonthStart(paid, state.cycleAnchor(), now));
  }

  private static Resource resource(String id, Resource.Kind kind) {
    Resource resource =
        Resource.byId(id).orElseThrow(() -> new UnknownResourceException(id, Resource.ids()));
    if (resource.kind() != kind) {
      throw new InvalidUsageException(
          "resource",
          kind == Resource.Kind.CONSUMED
              ? id + " is a level: set it with PUT /billing/usage/{customerId}/" + id
              : id + " is consumed: record it with POST /billing/usage");
    }
    return resource;
  }

  private record Context(Tier tier, Instant monthStart) {}
}
