package com.acme.flags.api;

import jakarta.ejb.Local;

/**
 * The flags module's answer to "new billing or legacy for this customer?": it owns {@code
 * billing_v2} ({@link BillingPath#FLAG_KEY}), so the decision is made here, behind this door.
 * Anything but a clear yes (flag off in this environment, customer outside the rollout, a missing
 * flag, an evaluation error) is the legacy path.
 */
@Local
public interface BillingPathDecision {

  boolean newBillingFor(String customerId);
}
