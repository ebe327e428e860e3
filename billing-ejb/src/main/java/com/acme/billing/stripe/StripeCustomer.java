package com.acme.billing.stripe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** Which Stripe customer is which of our customers ({@code billing.stripe_customer}). */
@Entity
@Table(name = "stripe_customer", schema = "billing")
@NamedQuery(
    name = "StripeCustomer.byStripeCustomer",
    query =
        "select s.customerId from StripeCustomer s where s.stripeCustomerId = :stripeCustomerId")
public class StripeCustomer {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "stripe_customer_id", nullable = false, unique = true)
  private String stripeCustomerId;

  protected StripeCustomer() {}

  public String getCustomerId() {
    return customerId;
  }

  public String getStripeCustomerId() {
    return stripeCustomerId;
  }
}
