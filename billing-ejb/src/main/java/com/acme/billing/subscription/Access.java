package com.acme.billing.subscription;

import java.time.Instant;

/**
 * What the subscription state grants: the tier whose entitlements apply now, and on what basis.
 * {@code graceUntil} is set while a past-due subscription still grants its tier.
 */
public record Access(String tierId, Basis basis, Instant graceUntil) {

  public enum Basis {
    /** Active or trialing: the paid tier. */
    PAID,
    /** Past due but within the grace period: the paid tier, for now. */
    GRACE,
    /** Never paid: FREE. */
    FREE,
    /** Had a paid tier that the subscription state no longer grants: FREE. */
    INACTIVE
  }
}
