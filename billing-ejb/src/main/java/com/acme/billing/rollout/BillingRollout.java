package com.acme.billing.rollout;

import com.acme.billing.api.CheckoutRefusedException;
import com.acme.flags.api.BillingPathDecision;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place billing asks "new billing path or legacy?" for a customer: the flags module, which
 * owns {@code billing_v2}, answers through its door ({@link BillingPathDecision}). Anything but a
 * clear yes (flag off, customer outside the rollout, an evaluation error) is the legacy path.
 *
 * <p>Legacy changes only the self-service selling surface (checkout, portal, plan change); the
 * mirror, webhooks, entitlement and usage checks go on for every customer.
 */
@ApplicationScoped
public class BillingRollout {

  @EJB BillingPathDecision billingPath;

  public boolean newBillingFor(String customerId) {
    return billingPath.newBillingFor(customerId);
  }

  /** The legacy rule for the selling surface: outside the rollout, a 409 that says so. */
  public void requireNewBilling(String customerId) {
    if (!newBillingFor(customerId)) {
      throw new CheckoutRefusedException(
          CheckoutRefusedException.Reason.BILLING_V2_NOT_ENABLED,
          "self-service billing is not enabled for this customer yet (legacy billing path);"
              + " access and usage are unaffected");
    }
  }
}
