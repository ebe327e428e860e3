package com.acme.billing.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A customer's use of one resource in one period ({@code billing.usage_counter}). Read through JPA;
 * created and changed only by {@link UsageCounters}' native statements (insert-if-missing, atomic
 * check-and-consume). The period is an {@link OffsetDateTime}: converters do not apply to id
 * attributes.
 */
@Entity
@Table(name = "usage_counter", schema = "billing")
@IdClass(UsageCounter.Key.class)
@NamedQuery(
    name = "UsageCounter.used",
    query =
        "select c.used from UsageCounter c where c.customerId = :customerId"
            + " and c.resource = :resource and c.periodStart = :periodStart")
@NamedQuery(
    name = "UsageCounter.inPeriods",
    query =
        "select c.resource, c.periodStart, c.used from UsageCounter c"
            + " where c.customerId = :customerId"
            + " and c.periodStart in (:monthStart, :levels)")
public class UsageCounter {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Id
  @Column(name = "resource")
  private String resource;

  @Id
  @Column(name = "period_start")
  private OffsetDateTime periodStart;

  @Column(name = "used", nullable = false)
  private long used;

  protected UsageCounter() {}

  public String getCustomerId() {
    return customerId;
  }

  public String getResource() {
    return resource;
  }

  public OffsetDateTime getPeriodStart() {
    return periodStart;
  }

  public long getUsed() {
    return used;
  }

  /** The primary key: customer, resource, period start. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String customerId;
    private String resource;
    private OffsetDateTime periodStart;

    public Key() {}

    public Key(String customerId, String resource, OffsetDateTime periodStart) {
      this.customerId = customerId;
      this.resource = resource;
      this.periodStart = periodStart;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(customerId, k.customerId)
          && Objects.equals(resource, k.resource)
          && Objects.equals(
              periodStart == null ? null : periodStart.toInstant(),
              k.periodStart == null ? null : k.periodStart.toInstant());
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          customerId, resource, periodStart == null ? null : periodStart.toInstant());
    }
  }
}
