package com.acme.billing.usage;

import com.acme.billing.api.IdempotencyKeyReusedException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.UnknownResourceException;
import com.acme.billing.api.UsageHistory;
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

/**
 * Usage recording and reports. Each record runs in its own transaction ({@link UsageCounters});
 * this bean only prepares it and turns a lost race on the idempotency key into a replay.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageService implements UsageMeter {

  static final String KIND_CONSUMED = "consumed";
  static final String KIND_LEVEL = "level";

  @EJB UsageCounters counters;
  @Inject UsageLines usageLines;
  @Inject CustomerStates states;
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
    Map<String, UsageLine> lines = usageLines.of(customerId, state, now);
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
    String tierId = usageLines.context(state, now).tier().id();
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
    UsageLines.Context context = context(customerId, now);
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
              UsageLines.Context context = context(customerId, clock.instant());
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
