package com.acme.billing.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The one place that decides what a subscription state grants. {@code active} and {@code trialing}
 * grant the tier; {@code past_due} keeps it during the grace period, then falls to FREE; every
 * other state ({@code canceled}, {@code unpaid}, {@code incomplete_expired}, {@code incomplete},
 * {@code paused}, and anything Stripe adds later) grants nothing beyond FREE.
 */
public final class AccessRule {

  private static final Set<String> GRANTING = Set.of("active", "trialing");
  private static final String PAST_DUE = "past_due";

  private final String freeTierId;
  private final Duration gracePeriod;

  public AccessRule(String freeTierId, Duration gracePeriod) {
    this.freeTierId = freeTierId;
    this.gracePeriod = gracePeriod;
  }

  public Access evaluate(MirrorState state, Instant now) {
    if (state.neverPaid() || freeTierId.equals(state.tierId())) {
      return new Access(freeTierId, Access.Basis.FREE, null);
    }
    if (GRANTING.contains(state.status())) {
      return new Access(state.tierId(), Access.Basis.PAID, null);
    }
    if (PAST_DUE.equals(state.status())) {
      Instant since = state.pastDueSince() != null ? state.pastDueSince() : now;
      Instant graceUntil = since.plus(gracePeriod);
      if (now.isBefore(graceUntil)) {
        return new Access(state.tierId(), Access.Basis.GRACE, graceUntil);
      }
    }
    return new Access(freeTierId, Access.Basis.INACTIVE, null);
  }

  public Duration gracePeriod() {
    return gracePeriod;
  }
}
