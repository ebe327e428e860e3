package com.acme.billing.entitlement;

/** Fired inside the transaction that changed a customer's subscription mirror. */
public record SubscriptionChanged(String customerId) {}
