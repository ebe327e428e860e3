package com.acme.billing.plan;

import com.acme.billing.api.Money;

/**
 * What one overage top-up buys: {@code size} more of a resource for the period, at {@code price}.
 */
public record TopUpPack(long size, Money price) {}
