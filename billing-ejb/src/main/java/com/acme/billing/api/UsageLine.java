package com.acme.billing.api;

/** How much of one resource is used: {@code level} is ok, warning, critical or exceeded. */
public record UsageLine(long used, long limit, double percent, String level) {}
