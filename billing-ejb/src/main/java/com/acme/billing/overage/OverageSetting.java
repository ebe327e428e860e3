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
@NamedQuery(
    name = "OverageSetting.keysAfter",
    query =
        "select s.customerId, s.resource from OverageSetting s"
            + " where s.customerId > :customerId"
            + " or (s.customerId = :customerId and s.resource > :resource)"
            + " order by s.customerId, s.resource")
public class OverageSetting {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Id
  @Column(name = "resource")
  private String resource;

  /** The terms of a row written before encryption at rest, until it is re-encrypted. */
  @Column(name = "enabled")
  private Boolean legacyEnabled;

  @Column(name = "monthly_cap_cents")
  private Long legacyMonthlyCapCents;

  /** The terms ({@link OverageTerms}) sealed under the data keys. */
  @Column(name = "terms_sealed")
  private byte[] termsSealed;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected OverageSetting() {}

  OverageSetting(String customerId, String resource) {
    this.customerId = customerId;
    this.resource = resource;
  }

  void change(byte[] termsSealed, String actor, Instant now) {
    reseal(termsSealed);
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  /** The same terms sealed anew (under the current primary key); not a change by anyone. */
  void reseal(byte[] termsSealed) {
    this.termsSealed = termsSealed;
    this.legacyEnabled = null;
    this.legacyMonthlyCapCents = null;
  }

  String customerId() {
    return customerId;
  }

  String resource() {
    return resource;
  }

  byte[] termsSealed() {
    return termsSealed;
  }

  /** The plaintext terms of a row not sealed yet. */
  OverageTerms legacyTerms() {
    return new OverageTerms(
        Boolean.TRUE.equals(legacyEnabled),
        legacyMonthlyCapCents == null ? 0 : legacyMonthlyCapCents);
  }

  /** The composite key: customer and resource. */
  public static class Key implements Serializable {
    private String customerId;
    private String resource;

    public Key() {}

    public Key(String customerId, String resource) {
      this.customerId = customerId;
      this.resource = resource;
    }

    public String customerId() {
      return customerId;
    }

    public String resource() {
      return resource;
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
