package com.acme.billing.overage;

import com.acme.billing.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/** What happens when Stripe reports that a top-up's payment failed. */
@Stateless
public class TopUpFailures {

  private static final Logger LOG = Logger.getLogger(TopUpFailures.class.getName());

  @Inject OverageStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * A top-up whose payment failed: its pack no longer raises the limit (from now on; what was used
   * stays recorded), written to the audit log and raised as an alert.
   *
   * @return whether the invoice was a top-up's
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean paymentFailed(String invoiceId, String actor) {
    Optional<TopUp> topUp = store.byInvoice(invoiceId);
    if (topUp.isEmpty()) {
      return false;
    }
    TopUp failed = topUp.get();
    if (failed.counts()) {
      failed.fail();
      audit.record(
          actor,
          failed.customerId(),
          "top_up_payment_failed",
          "{\"status\":\"charged\"}",
          "{\"status\":\"failed\",\"resource\":\"%s\",\"pack\":%d,\"invoice\":\"%s\"}"
              .formatted(failed.resource(), failed.packNumber(), invoiceId),
          clock.instant());
      // The alert, until alerts have a channel of their own: one line at a stable level and form.
      LOG.warning(
          () ->
              "alert=payment_failed kind=top_up customer="
                  + failed.customerId()
                  + " resource="
                  + failed.resource()
                  + " pack="
                  + failed.packNumber()
                  + " invoice="
                  + invoiceId
                  + ": the pack's headroom is withdrawn");
    }
    return true;
  }
}
