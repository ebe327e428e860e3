package com.acme.billing.overage;

import com.acme.billing.audit.AuditLog;
import com.acme.billing.operations.BillingFact;
import com.acme.billing.operations.BillingFact.PaymentRecorded;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** What happens when Stripe reports that a top-up's payment failed. */
@Stateless
public class TopUpFailures {

  @Inject OverageStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<BillingFact> facts;

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
      facts.fire(
          new PaymentRecorded(failed.customerId(), invoiceId, false, PaymentRecorded.TOP_UP));
    }
    return true;
  }
}
