package com.acme.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row per customer ({@code billing.customer_account}): every change of the customer's
 * subscriptions locks it first (see {@link SubscriptionRepository#lockAccount}).
 */
@Entity
@Table(name = "customer_account", schema = "billing")
public class CustomerAccount {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CustomerAccount() {}

  CustomerAccount(String customerId, Instant createdAt) {
    this.customerId = customerId;
    this.createdAt = createdAt;
  }

  public String getCustomerId() {
    return customerId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
