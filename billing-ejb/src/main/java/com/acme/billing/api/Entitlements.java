package com.acme.billing.api;

import jakarta.ejb.Local;

/**
 * What a customer may do, answered from memory after the first read of the customer: it is called
 * on every request of the platform.
 */
@Local
public interface Entitlements {

  FeatureAccess checkFeature(String customerId, String feature);
}
