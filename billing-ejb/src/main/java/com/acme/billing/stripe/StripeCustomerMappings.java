package com.acme.billing.stripe;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Remembers a Stripe customer in a short transaction of its own (callers hold none). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StripeCustomerMappings {

  @Inject StripeCustomers customers;

  public void remember(String customerId, String stripeCustomerId) {
    customers.remember(customerId, stripeCustomerId);
  }
}
