package com.acme.billing.api;

/** Overage packs bought for a request: how many, how much more of the resource, at what price. */
public record TopUpBought(String resource, int packs, long quantity, Money amount) {}
