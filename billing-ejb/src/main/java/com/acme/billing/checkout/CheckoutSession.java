package com.acme.billing.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A checkout session this platform created ({@code billing.checkout_session}). */
@Entity
@Table(name = "checkout_session", schema = "billing")
public class CheckoutSession {

  @Id
  @Column(name = "session_id")
  private String sessionId;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "subscription_id")
  private String subscriptionId;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "applied_at")
  private Instant appliedAt;

  protected CheckoutSession() {}

  CheckoutSession(String sessionId, String customerId, String status, Instant createdAt) {
    this.sessionId = sessionId;
    this.customerId = customerId;
    this.status = status;
    this.createdAt = createdAt;
  }

  /** Records the session's final outcome. */
  void applied(String subscriptionId, String status, Instant at) {
    this.subscriptionId = subscriptionId;
    this.status = status;
    this.appliedAt = at;
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getSubscriptionId() {
    return subscriptionId;
  }

  public String getStatus() {
    return status;
  }

  public Instant getAppliedAt() {
    return appliedAt;
  }
}
