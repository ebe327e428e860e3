package com.acme.billing.usage;

import com.acme.billing.api.UsageLimitExceededException;
import com.acme.billing.persistence.Timestamps;
import com.acme.billing.plan.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usage tables: read through JPA ({@link UsageCounter}, {@link UsageRecord}), written by native
 * statements (each says why). Check-and-consume is one conditional {@code UPDATE}: the database
 * applies it under the row's lock and re-checks the condition, so concurrent records never pass the
 * limit.
 */
@Stateless
public class UsageCounters {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  /** What a usage record stored: to answer a replay of its idempotency key. */
  public record StoredRecord(String resource, String kind, long quantity) {}

  /** Creates the counter row if missing, in its own transaction; a concurrent twin may win. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensureRow(String customerId, Resource resource, Instant periodStart) {
    // Native: an insert-if-missing in one statement (no upsert syntax is shared by H2 and PG).
    em.createNativeQuery(
            "insert into billing.usage_counter (customer_id, resource, period_start, used)"
                + " select ?1, ?2, ?3, 0 where not exists (select 1 from billing.usage_counter"
                + " where customer_id = ?1 and resource = ?2 and period_start = ?3)")
        .setParameter(1, customerId)
        .setParameter(2, resource.id())
        .setParameter(3, Timestamps.utc(periodStart))
        .executeUpdate();
  }

  /**
   * Records a usage and applies it to the counter in one transaction: the idempotency key is stored
   * first (a duplicate fails on the unique constraint), then the counter is changed only if the
   * result stays within {@code limit} (when {@code enforce}). Otherwise the exception rolls the
   * whole record back, the idempotency key included.
   *
   * @throws UsageLimitExceededException when the change would pass the limit
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void apply(
      String customerId,
      Resource resource,
      Instant periodStart,
      String kind,
      long quantity,
      long limit,
      boolean enforce,
      String idempotencyKey,
      String actor,
      Instant now) {
    // Native: JPA's identity read-back on H2 calls IDENTITY(), which H2 2.x no longer has.
    em.createNativeQuery(
            "insert into billing.usage_record (customer_id, idempotency_key, resource, kind,"
                + " quantity, enforced, recorded_at, recorded_by)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, customerId)
        .setParameter(2, idempotencyKey)
        .setParameter(3, resource.id())
        .setParameter(4, kind)
        .setParameter(5, quantity)
        .setParameter(6, enforce)
        .setParameter(7, Timestamps.utc(now))
        .setParameter(8, actor)
        .executeUpdate();
    String change =
        resource.isConsumed()
            ? "used = used + ?4 where customer_id = ?1 and resource = ?2 and period_start = ?3"
                + " and (?5 = false or used + ?4 <= ?6)"
            // A level may always go down, also when a downgrade left it above the limit.
            : "used = ?4 where customer_id = ?1 and resource = ?2 and period_start = ?3"
                + " and (?5 = false or ?4 <= ?6 or ?4 <= used)";
    // Native: one atomic check-and-consume; its guard compares two parameters, which JPQL cannot.
    int changed =
        em.createNativeQuery("update billing.usage_counter set " + change)
            .setParameter(1, customerId)
            .setParameter(2, resource.id())
            .setParameter(3, Timestamps.utc(periodStart))
            .setParameter(4, quantity)
            .setParameter(5, enforce)
            .setParameter(6, limit)
            .executeUpdate();
    if (changed != 1) {
      throw new UsageLimitExceededException(
          resource.id(), used(customerId, resource, periodStart), limit, quantity);
    }
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long used(String customerId, Resource resource, Instant periodStart) {
    return em.createNamedQuery("UsageCounter.used", Long.class)
        .setParameter("customerId", customerId)
        .setParameter("resource", resource.id())
        .setParameter("periodStart", Timestamps.utc(periodStart))
        .getResultStream()
        .findFirst()
        .orElse(0L);
  }

  /** Every resource's use: consumed ones in the month starting at {@code monthStart}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<Resource, Long> usedAll(String customerId, Instant monthStart) {
    // Values, not entities: a counter changed by the native update in this transaction is read
    // anew.
    List<Object[]> rows =
        em.createNamedQuery("UsageCounter.inPeriods", Object[].class)
            .setParameter("customerId", customerId)
            .setParameter("monthStart", Timestamps.utc(monthStart))
            .setParameter("levels", Timestamps.utc(UsagePeriod.LEVELS))
            .getResultList();
    Map<Resource, Long> used = new EnumMap<>(Resource.class);
    for (Resource r : Resource.values()) {
      used.put(r, 0L);
    }
    for (Object[] row : rows) {
      Resource resource = Resource.byId((String) row[0]).orElse(null);
      Instant period = ((OffsetDateTime) row[1]).toInstant();
      boolean matches =
          resource != null
              && (resource.isConsumed()
                  ? period.equals(monthStart)
                  : period.equals(UsagePeriod.LEVELS));
      if (matches) {
        used.put(resource, (Long) row[2]);
      }
    }
    return used;
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<StoredRecord> findRecord(String customerId, String idempotencyKey) {
    return em.createNamedQuery("UsageRecord.byIdempotencyKey", UsageRecord.class)
        .setParameter("customerId", customerId)
        .setParameter("idempotencyKey", idempotencyKey)
        .getResultStream()
        .findFirst()
        .map(r -> new StoredRecord(r.getResource(), r.getKind(), r.getQuantity()));
  }

  /** The records of one resource in {@code [from, to)}, in the order they were recorded. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DailyUsage.Entry> recordsBetween(
      String customerId, Resource resource, Instant from, Instant to) {
    return em.createNamedQuery("UsageRecord.inRange", Object[].class)
        .setParameter("customerId", customerId)
        .setParameter("resource", resource.id())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .map(row -> new DailyUsage.Entry(instant(row[0]), (Long) row[1]))
        .toList();
  }

  /** The value of the last record of a resource before {@code from}, if any. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Long> lastBefore(String customerId, Resource resource, Instant from) {
    return em.createNamedQuery("UsageRecord.before", Long.class)
        .setParameter("customerId", customerId)
        .setParameter("resource", resource.id())
        .setParameter("from", from)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** A selected time: EclipseLink applies the attribute's converter to some scalar selects only. */
  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
  }
}
