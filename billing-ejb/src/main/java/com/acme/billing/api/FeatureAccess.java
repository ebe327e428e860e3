package com.acme.billing.api;

/**
 * The answer to "may this customer use this feature". {@code reason} is one of {@code
 * included_in_plan}, {@code not_in_plan}, {@code grace_period}, {@code subscription_inactive}.
 */
public record FeatureAccess(boolean allowed, String tierId, String reason) {
  public static final String INCLUDED_IN_PLAN = "included_in_plan";
  public static final String NOT_IN_PLAN = "not_in_plan";
  public static final String GRACE_PERIOD = "grace_period";
  public static final String SUBSCRIPTION_INACTIVE = "subscription_inactive";
}
