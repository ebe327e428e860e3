package com.acme.web.health;

import com.acme.billing.api.BillingModuleStatus;
import com.acme.billing.api.BillingModuleStatus.PaymentConfiguration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the payment side can take money: the sandbox (development), or Stripe with its key, a
 * webhook secret and every paid tier's prices. Its data names the mode and any missing setting,
 * never a value.
 */
@Readiness
@ApplicationScoped
public class PaymentReadinessCheck implements HealthCheck {

  @EJB BillingModuleStatus billing;

  @Override
  public HealthCheckResponse call() {
    PaymentConfiguration payments = billing.paymentConfiguration();
    HealthCheckResponseBuilder answer =
        HealthCheckResponse.named("payments").withData("mode", payments.mode());
    if (payments.problems().isEmpty()) {
      return answer.up().build();
    }
    return answer.down().withData("missing", String.join("; ", payments.problems())).build();
  }
}
