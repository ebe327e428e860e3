package com.acme.billing.overage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A customer's overage setting for one resource ({@code billing.overage_setting}). */
@Entity
@Table(name = "overage_setting", schema = "billing")
@IdClass(OverageSetting.Key.class)
@NamedQuery(
    name = "OverageSetting.byCustomer",
    query = "select s from OverageSetting s where s.customerId = :customerId")
public class OverageSetting {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Id
  @Column(name = "resource")
  private String resource;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "monthly_cap_cents", nullable = false)
  private long monthlyCapCents;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected OverageSetting() {}

  OverageSetting(String customerId, String resource) {
    this.customerId = customerId;
    this.resource = resource;
  }

  void change(boolean enabled, long monthlyCapCents, String actor, Instant now) {
    this.enabled = enabled;
    this.monthlyCapCents = monthlyCapCents;
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  String resource() {
    return resource;
  }

  boolean enabled() {
    return enabled;
  }

  long monthlyCapCents() {
    return monthlyCapCents;
  }

  /** The composite key: customer and resource. */
  public static class Key implements Serializable {
    private String customerId;
    private String resource;

    public Key() {}

    Key(String customerId, String resource) {
      this.customerId = customerId;
      this.resource = resource;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(customerId, k.customerId)
          && Objects.equals(resource, k.resource);
    }

    @Override
    public int hashCode() {
      return Objects.hash(customerId, resource);
    }
  }
}
