package com.acme.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The local mirror of one Stripe subscription of a customer: the only thing entitlement checks
 * read. A customer may have several (none overwrites another); one without any is on FREE with
 * status {@code none}. A correction made by hand for a customer without a Stripe subscription has
 * the id {@code manual:<customer id>}.
 */
@Entity
@Table(name = "subscription_mirror", schema = "billing")
@NamedQuery(
    name = "CustomerSubscription.findByCustomer",
    query =
        "select s from CustomerSubscription s where s.customerId = :customerId"
            + " order by s.updatedAt desc")
public class CustomerSubscription {

  static final String MANUAL_PREFIX = "manual:";

  @Id
  @Column(name = "subscription_id")
  private String subscriptionId;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "tier_id", nullable = false)
  private String tierId;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "billing_period")
  private String billingPeriod;

  @Column(name = "stripe_customer_id")
  private String stripeCustomerId;

  @Column(name = "current_period_start")
  private Instant currentPeriodStart;

  @Column(name = "current_period_end")
  private Instant currentPeriodEnd;

  @Column(name = "cycle_anchor")
  private Instant cycleAnchor;

  @Column(name = "cancel_at_period_end", nullable = false)
  private boolean cancelAtPeriodEnd;

  @Column(name = "past_due_since")
  private Instant pastDueSince;

  @Column(name = "last_event_created")
  private Long lastEventCreated;

  @Column(name = "deleted", nullable = false)
  private boolean deleted;

  @Column(name = "duplicate", nullable = false)
  private boolean duplicate;

  @Column(name = "unknown_price_id")
  private String unknownPriceId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CustomerSubscription() {}

  public CustomerSubscription(
      String subscriptionId, String customerId, String tierId, String status, Instant now) {
    this.subscriptionId = subscriptionId;
    this.customerId = customerId;
    this.tierId = tierId;
    this.status = status;
    this.updatedAt = now;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getTierId() {
    return tierId;
  }

  public void setTierId(String tierId) {
    this.tierId = tierId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getBillingPeriod() {
    return billingPeriod;
  }

  public void setBillingPeriod(String billingPeriod) {
    this.billingPeriod = billingPeriod;
  }

  public String getStripeCustomerId() {
    return stripeCustomerId;
  }

  public void setStripeCustomerId(String stripeCustomerId) {
    this.stripeCustomerId = stripeCustomerId;
  }

  public String getSubscriptionId() {
    return subscriptionId;
  }

  /** Stripe's id, or null for a row corrected by hand without a Stripe subscription. */
  public String getStripeSubscriptionId() {
    return subscriptionId.startsWith(MANUAL_PREFIX) ? null : subscriptionId;
  }

  public static String manualId(String customerId) {
    return MANUAL_PREFIX + customerId;
  }

  public boolean isLive() {
    return !deleted && SubscriptionRules.LIVE_STATUSES.contains(status);
  }

  public boolean isDuplicate() {
    return duplicate;
  }

  public void setDuplicate(boolean duplicate) {
    this.duplicate = duplicate;
  }

  public String getUnknownPriceId() {
    return unknownPriceId;
  }

  public void setUnknownPriceId(String unknownPriceId) {
    this.unknownPriceId = unknownPriceId;
  }

  public Instant getCurrentPeriodStart() {
    return currentPeriodStart;
  }

  public void setCurrentPeriodStart(Instant currentPeriodStart) {
    this.currentPeriodStart = currentPeriodStart;
  }

  public Instant getCurrentPeriodEnd() {
    return currentPeriodEnd;
  }

  public void setCurrentPeriodEnd(Instant currentPeriodEnd) {
    this.currentPeriodEnd = currentPeriodEnd;
  }

  public Instant getCycleAnchor() {
    return cycleAnchor;
  }

  public void setCycleAnchor(Instant cycleAnchor) {
    this.cycleAnchor = cycleAnchor;
  }

  public boolean isCancelAtPeriodEnd() {
    return cancelAtPeriodEnd;
  }

  public void setCancelAtPeriodEnd(boolean cancelAtPeriodEnd) {
    this.cancelAtPeriodEnd = cancelAtPeriodEnd;
  }

  public Instant getPastDueSince() {
    return pastDueSince;
  }

  public void setPastDueSince(Instant pastDueSince) {
    this.pastDueSince = pastDueSince;
  }

  public Long getLastEventCreated() {
    return lastEventCreated;
  }

  public void setLastEventCreated(Long lastEventCreated) {
    this.lastEventCreated = lastEventCreated;
  }

  public boolean isDeleted() {
    return deleted;
  }

  public void setDeleted(boolean deleted) {
    this.deleted = deleted;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
