package com.acme.billing.api;

/** An amount in the currency's minor unit (cents) with a lower-case ISO currency, as Stripe. */
public record Money(long amount, String currency) {}
