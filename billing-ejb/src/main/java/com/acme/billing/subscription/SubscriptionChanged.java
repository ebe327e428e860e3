package com.acme.billing.subscription;

/** Fired inside the transaction that changed a customer's subscription mirror. */
public record SubscriptionChanged(String customerId) {}
