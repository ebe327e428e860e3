package com.acme.billing.api;

/**
 * How much of one resource is used: {@code limit} is the effective limit (the plan's {@code
 * baseLimit} plus the {@code topUp} bought for this period); {@code level} (ok, warning, critical
 * or exceeded) is measured against it.
 */
public record UsageLine(
    long used, long limit, double percent, String level, long baseLimit, long topUp) {}
