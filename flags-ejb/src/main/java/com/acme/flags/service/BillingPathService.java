package com.acme.flags.service;

import com.acme.flags.api.BillingPath;
import com.acme.flags.api.BillingPathDecision;
import com.acme.flags.api.FeatureFlags;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Decides the billing path from {@code billing_v2}'s evaluation for the customer. */
@Stateless
// Never joins the caller's transaction: an evaluation error must not roll back billing's work.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingPathService implements BillingPathDecision {

  private static final Logger LOG = Logger.getLogger(BillingPathService.class.getName());

  @EJB FeatureFlags flags;

  @Override
  public boolean newBillingFor(String customerId) {
    if (customerId == null || customerId.isBlank()) {
      return false;
    }
    try {
      return flags.evaluate(BillingPath.FLAG_KEY, customerId).enabled();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "billing_v2 could not be evaluated; the legacy path applies", e);
      return false;
    }
  }
}
