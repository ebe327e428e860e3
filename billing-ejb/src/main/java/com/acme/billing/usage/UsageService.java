package com.acme.billing.usage;

import com.acme.billing.api.IdempotencyKeyReusedException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.TopUpBought;
import com.acme.billing.api.UnknownResourceException;
import com.acme.billing.api.UsageHistory;
import com.acme.billing.api.UsageLimitExceededException;
import com.acme.billing.api.UsageLine;
import com.acme.billing.api.UsageMeter;
import com.acme.billing.api.UsageOutcome;
import com.acme.billing.api.UsageReport;
import com.acme.billing.api.WrongResourceKindException;
import com.acme.billing.entitlement.CustomerStates;
import com.acme.billing.plan.Resource;
import com.acme.billing.subscription.MirrorState;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Usage recording and reports. Each record runs in its own transaction ({@link UsageCounters});
 * this bean only prepares it and turns a lost race on the idempotency key into a replay.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageService implements UsageMeter {

  private static final Logger LOG = Logger.getLogger(UsageService.class.getName());

  static final String KIND_CONSUMED = "consumed";
  static final String KIND_LEVEL = "level";

  /** Who bought a pack for a check-usage-limits call (the caller's identity is not passed). */
  static final String CHECK_ACTOR = "check-usage-limits";

  @EJB UsageCounters counters;
  @Inject UsageLines usageLines;
  @Inject CustomerStates states;
  @Inject Clock clock;
  @Inject TopUpBuyer buyer;
  @EJB UsageCrossings crossings;
  @Inject ClaimedCrossings claimed;

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
    MirrorState state = states.state(customerId);
    UsageLines.Context context = usageLines.context(state, now);
    // Only a check that names amounts buys packs: a plain look at the lines (the billing panel)
    // must never spend the customer's money.
    boolean mayBuy = !asked.isEmpty();
    if (asked.isEmpty()) {
      // No amounts: may the customer use one more unit? At exactly the limit it may not.
      for (Resource r : Resource.values()) {
        asked.put(r, 1L);
      }
    }
    List<TopUpBought> bought = new ArrayList<>();
    TopUpBuyer.Outcome refusal = null;
    for (Map.Entry<Resource, Long> ask : asked.entrySet()) {
      Resource r = ask.getKey();
      if (!mayBuy
          || context.tier().topUp(r).isEmpty()
          || fits(usageLines.of(customerId, state, now), ask)) {
        continue;
      }
      Instant period = r.isConsumed() ? context.monthStart() : UsagePeriod.LEVELS;
      LongSupplier wanted = () -> counters.used(customerId, r, period) + ask.getValue();
      for (int packs = 0; packs < TopUpBuyer.MAX_PACKS_PER_REQUEST; packs++) {
        TopUpBuyer.Attempt attempt =
            buyer.buyOne(customerId, r, context.tier(), context.monthStart(), wanted, CHECK_ACTOR);
        if (attempt.outcome() == TopUpBuyer.Outcome.BOUGHT) {
          bought.add(attempt.bought());
        } else {
          if (attempt.outcome() == TopUpBuyer.Outcome.CAP_REACHED
              || attempt.outcome() == TopUpBuyer.Outcome.DECLINED) {
            refusal = attempt.outcome();
          }
          break;
        }
      }
    }
    Map<String, UsageLine> lines = usageLines.of(customerId, state, now);
    List<String> blockedBy = new ArrayList<>();
    for (Map.Entry<Resource, Long> ask : asked.entrySet()) {
      if (!fits(lines, ask)) {
        blockedBy.add(ask.getKey().id());
      }
    }
    String reason =
        blockedBy.isEmpty()
            ? null
            : refusal == TopUpBuyer.Outcome.CAP_REACHED
                ? UsageReport.OVERAGE_CAP_REACHED
                : refusal == TopUpBuyer.Outcome.DECLINED
                    ? UsageReport.TOP_UP_DECLINED
                    : UsageReport.LIMIT_REACHED;
    List<TopUpBought> topUps =
        asked.keySet().stream()
            .map(
                r ->
                    TopUps.merged(
                        r, bought.stream().filter(b -> b.resource().equals(r.id())).toList()))
            .filter(java.util.Objects::nonNull)
            .toList();
    return new UsageReport(
        customerId, context.tier().id(), blockedBy.isEmpty(), blockedBy, lines, topUps, reason);
  }

  private static boolean fits(Map<String, UsageLine> lines, Map.Entry<Resource, Long> ask) {
    UsageLine line = lines.get(ask.getKey().id());
    return ask.getValue() <= line.limit() - line.used(); // used + amount <= limit, no overflow
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
    UsageLines.Context context = context(customerId, now);
    Instant period = resource.isConsumed() ? context.monthStart() : UsagePeriod.LEVELS;
    long base = context.tier().limit(resource);
    try {
      counters.ensureRow(customerId, resource, period);
    } catch (EJBException | PersistenceException e) {
      // A concurrent first record created the row: exactly what was needed.
    }
    List<TopUpBought> bought = new ArrayList<>();
    for (int round = 0; ; round++) {
      long topUp = topUp(customerId, context, resource);
      try {
        counters.apply(
            customerId,
            resource,
            period,
            kind,
            quantity,
            base + topUp,
            enforce,
            idempotencyKey,
            actor,
            now);
        long usedNow = counters.used(customerId, resource, period);
        UsageLine line = UsageLevels.line(usedNow, base, topUp);
        announceCrossings(customerId, resource, context.monthStart(), line);
        return new UsageOutcome(
            customerId,
            resource.id(),
            idempotencyKey,
            line,
            false,
            TopUps.merged(resource, bought));
      } catch (UsageLimitExceededException refused) {
        if (round > TopUpBuyer.MAX_PACKS_PER_REQUEST || context.tier().topUp(resource).isEmpty()) {
          throw refused;
        }
        LongSupplier wanted =
            () ->
                resource.isConsumed()
                    ? counters.used(customerId, resource, period) + quantity
                    : quantity;
        TopUpBuyer.Attempt attempt =
            buyer.buyOne(customerId, resource, context.tier(), context.monthStart(), wanted, actor);
        switch (attempt.outcome()) {
          case BOUGHT -> bought.add(attempt.bought());
          case ROOM_MADE -> {
            // Another request bought the room: try again with the raised limit.
          }
          case CAP_REACHED, DECLINED ->
              throw new UsageLimitExceededException(
                  resource.id(),
                  refused.used(),
                  refused.limit(),
                  quantity,
                  attempt.outcome() == TopUpBuyer.Outcome.DECLINED
                      ? UsageReport.TOP_UP_DECLINED
                      : UsageReport.OVERAGE_CAP_REACHED);
          default -> throw refused;
        }
      } catch (EJBException | PersistenceException e) {
        // A concurrent twin with the same key won the unique constraint: answer as a replay.
        return replay(customerId, resource, kind, quantity, idempotencyKey).orElseThrow(() -> e);
      }
    }
  }

  /**
   * The record is taken whatever happens here: alert bookkeeping never fails a record. Most records
   * reach no threshold this instance has not claimed yet: they start no transaction for it.
   */
  private void announceCrossings(
      String customerId, Resource resource, Instant monthStart, UsageLine line) {
    if (claimed.unclaimed(customerId, resource, monthStart, line).isEmpty()) {
      return;
    }
    try {
      crossings.recorded(customerId, resource, monthStart, line);
    } catch (EJBException | PersistenceException e) {
      // A concurrent record on another instance claimed the same crossing and announced it.
      LOG.fine(() -> "usage crossing claimed elsewhere: " + e);
    }
  }

  private long topUp(String customerId, UsageLines.Context context, Resource resource) {
    return usageLines.topUps(customerId, context).getOrDefault(resource, 0L);
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
              UsageLines.Context context = context(customerId, clock.instant());
              Instant period = resource.isConsumed() ? context.monthStart() : UsagePeriod.LEVELS;
              return new UsageOutcome(
                  customerId,
                  resource.id(),
                  key,
                  UsageLevels.line(
                      counters.used(customerId, resource, period),
                      context.tier().limit(resource),
                      topUp(customerId, context, resource)),
                  true,
                  null);
            });
  }

  /** The tier whose limits apply now and the start of the customer's usage month. */
  private UsageLines.Context context(String customerId, Instant now) {
    return usageLines.context(states.state(customerId), now);
  }

  @Override
  public UsageHistory history(String customerId, String resourceId, LocalDate from, LocalDate to) {
    Resource resource =
        Resource.byId(resourceId)
            .orElseThrow(() -> new UnknownResourceException(resourceId, Resource.ids()));
    Instant start = DailyUsage.start(from);
    List<DailyUsage.Entry> entries =
        counters.recordsBetween(customerId, resource, start, DailyUsage.end(to));
    List<UsageHistory.Day> days =
        resource.isConsumed()
            ? DailyUsage.consumed(from, to, entries)
            : DailyUsage.levels(
                from, to, counters.lastBefore(customerId, resource, start).orElse(0L), entries);
    return new UsageHistory(
        customerId,
        resource.id(),
        resource.isConsumed() ? KIND_CONSUMED : KIND_LEVEL,
        from,
        to,
        days);
  }

  private static Resource resource(String id, Resource.Kind kind) {
    Resource resource =
        Resource.byId(id).orElseThrow(() -> new UnknownResourceException(id, Resource.ids()));
    if (resource.kind() != kind) {
      throw new WrongResourceKindException(id, resource.kind() == Resource.Kind.LEVEL);
    }
    return resource;
  }
}
