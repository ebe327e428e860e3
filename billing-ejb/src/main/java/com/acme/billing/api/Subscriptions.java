package com.acme.billing.api;

import jakarta.ejb.Local;
import java.util.List;

/** The local mirror of customers' subscriptions. */
@Local
public interface Subscriptions {

  SubscriptionStatus status(String customerId);

  /** Every subscription of the customer the mirror knows, the most recently changed first. */
  List<SubscriptionRecord> subscriptions(String customerId);

  /**
   * Writes the mirror by hand (support's repair tool); audited, and every instance drops the
   * customer's cached entitlements. The next Stripe event for the subscription overrides it.
   */
  SubscriptionStatus correct(String customerId, MirrorCorrection correction, String actor);
}
