package com.acme.billing.rollout;

import com.acme.billing.api.CheckoutRefusedException;
import com.acme.flags.api.BillingPath;
import com.acme.flags.openfeature.FlagsProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place billing asks "new billing path or legacy?" for a customer: {@code billing_v2}
 * through OpenFeature, with the customer id as targeting key. Anything but a clear yes (flag off,
 * customer outside the rollout, an evaluation error) is the legacy path.
 *
 * <p>Legacy changes only the self-service selling surface (checkout, portal, plan change); the
 * mirror, webhooks, entitlement and usage checks go on for every customer.
 */
@ApplicationScoped
public class BillingRollout {

  public boolean newBillingFor(String customerId) {
    try {
      return OpenFeatureAPI.getInstance()
          .getClient(FlagsProvider.DOMAIN)
          .getBooleanValue(BillingPath.FLAG_KEY, false, new ImmutableContext(customerId));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The legacy rule for the selling surface: outside the rollout, a 409 that says so. */
  public void requireNewBilling(String customerId) {
    if (!newBillingFor(customerId)) {
      throw new CheckoutRefusedException(
          409,
          CheckoutRefusedException.BILLING_V2_NOT_ENABLED,
          "self-service billing is not enabled for this customer yet (legacy billing path);"
              + " access and usage are unaffected");
    }
  }
}
