package com.acme.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.webhook.BillingH2;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which Stripe customer is which of ours, on H2. */
class StripeCustomersOnH2Test {

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aRememberedPairIsFoundBothWays() {
    db.run(em -> customers(em).remember("cust_1", "cus_A"));

    assertThat(db.<Optional<String>>call(em -> customers(em).customerFor("cus_A")))
        .contains("cust_1");
    assertThat(db.<Optional<String>>call(em -> customers(em).stripeCustomerOf("cust_1")))
        .contains("cus_A");
    assertThat(db.<Optional<String>>call(em -> customers(em).customerFor("cus_B"))).isEmpty();
    assertThat(db.<Optional<String>>call(em -> customers(em).stripeCustomerOf("cust_2"))).isEmpty();
  }

  @Test
  void aPairOneOfWhoseSidesIsKnownIsNotRemembered() {
    db.run(em -> customers(em).remember("cust_1", "cus_A"));

    db.run(em -> customers(em).remember("cust_1", "cus_B"));
    db.run(em -> customers(em).remember("cust_2", "cus_A"));

    assertThat(db.<Optional<String>>call(em -> customers(em).stripeCustomerOf("cust_1")))
        .contains("cus_A");
    assertThat(db.<Optional<String>>call(em -> customers(em).customerFor("cus_A")))
        .contains("cust_1");
    assertThat(db.<Optional<String>>call(em -> customers(em).customerFor("cus_B"))).isEmpty();
    assertThat(db.<Optional<String>>call(em -> customers(em).stripeCustomerOf("cust_2"))).isEmpty();
  }

  private static StripeCustomers customers(EntityManager em) {
    StripeCustomers customers = new StripeCustomers();
    customers.em = em;
    return customers;
  }
}
