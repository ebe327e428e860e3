package com.acme.billing.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Optional;

/** The built-in Stripe sandbox's hosted pages (development profile only). */
@Local
public interface Sandbox {

  record CheckoutPage(
      String sessionId,
      String customerId,
      String tierName,
      String billingPeriod,
      Money price,
      String status) {}

  /** Where to send the browser next; {@code error} is set (and nothing happened) on a decline. */
  record PayResult(String redirectUrl, String error) {}

  boolean active();

  Optional<CheckoutPage> checkoutPage(String sessionId);

  PayResult pay(String sessionId, String card);

  Optional<String> cancelUrl(String sessionId);

  Optional<String> portalReturnUrl(String portalId);

  /** What the portal page shows: the plan and whether it cancels at the period's end. */
  record PortalPage(
      String returnUrl, String tierId, String billingPeriod, boolean cancelAtPeriodEnd) {}

  Optional<PortalPage> portalPage(String portalId);

  /**
   * A portal action: {@code cancel}, {@code resume}, {@code update-card}, or {@code switch}.
   *
   * @return what to tell the customer
   */
  String portalAction(String portalId, String action, String tierId, String billingPeriod);

  /** What the sandbox's hosted invoice page (and its PDF) shows. */
  record InvoicePage(
      String invoiceId,
      String number,
      String status,
      Money amountPaid,
      Instant periodStart,
      Instant periodEnd,
      Instant created) {}

  Optional<InvoicePage> invoicePage(String invoiceId);
}
