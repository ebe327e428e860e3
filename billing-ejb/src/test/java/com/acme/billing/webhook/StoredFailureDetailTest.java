package com.acme.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.PaymentProviderException;
import com.stripe.model.Event;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

/** What a failed event's stored detail says: the product's words, never a class or SQL. */
class StoredFailureDetailTest {

  private static Event event() {
    Event event = new Event();
    event.setId("evt_1");
    return event;
  }

  @Test
  void aBillingRefusalKeepsItsOwnWordsWithoutItsClass() {
    Throwable failure =
        new EJBException(
            new PaymentProviderException(
                PaymentProviderException.Kind.NOT_FOUND,
                "resource_missing",
                "Stripe has no such object.",
                0));
    assertThat(WebhookProcessing.storedDetail(event(), failure))
        .isEqualTo("Stripe has no such object.");
  }

  @Test
  void anythingElsePointsToTheServerLogAndShowsNoInternals() {
    Throwable failure =
        new EJBException(
            new PersistenceException(
                "ERROR: duplicate key value violates unique constraint \"stripe_customer_pkey\""));
    assertThat(WebhookProcessing.storedDetail(event(), failure))
        .isEqualTo(
            "The event could not be applied; the server log has the cause under event evt_1.")
        .doesNotContain("Exception")
        .doesNotContain("constraint");
  }
}
