package com.acme.billing.sandbox;

import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.RateLimitBackoff;
import com.acme.billing.stripe.SandboxSwitch;
import com.acme.billing.stripe.StripeGateway;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the payment adapter: the real Stripe one when {@code stripe.api.key} is set; without a
 * key, the built-in sandbox while {@code stripe.sandbox.enabled} (on only in the development
 * profile); otherwise none, and self-service calls answer 503 saying so.
 */
@ApplicationScoped
public class PaymentGatewayProducer {

  @Inject
  @ConfigProperty(name = "stripe.api.key")
  Optional<String> apiKey;

  /** Only for a stand-in of Stripe in tests; empty means Stripe itself. */
  @Inject
  @ConfigProperty(name = "stripe.api.base")
  Optional<String> apiBase;

  @Inject
  @ConfigProperty(name = "stripe.max-network-retries", defaultValue = "2")
  int retries;

  @Inject
  @ConfigProperty(name = "stripe.timeout-millis", defaultValue = "20000")
  int timeoutMillis;

  @Inject
  @ConfigProperty(name = "stripe.rate-limit.retries", defaultValue = "2")
  int rateLimitRetries;

  @Inject
  @ConfigProperty(name = "stripe.rate-limit.first-wait-millis", defaultValue = "500")
  long rateLimitFirstWaitMillis;

  /** On only in the development profile ({@code %development.} in microprofile-config). */
  @Inject
  @ConfigProperty(name = "stripe.sandbox.enabled", defaultValue = "false")
  boolean sandboxEnabled;

  @Inject Instance<SandboxGateway> sandbox;

  @Produces
  @ApplicationScoped
  PaymentGateway gateway() {
    if (apiKeySet()) {
      return new StripeGateway(
          StripeGateway.client(apiKey.get(), apiBase.orElse(null), retries, timeoutMillis),
          new RateLimitBackoff(rateLimitRetries, Duration.ofMillis(rateLimitFirstWaitMillis)));
    }
    if (sandboxActive()) {
      return sandbox.get();
    }
    return new NotConfigured();
  }

  /** Whether a Stripe API key is set: then the real adapter serves. */
  public boolean apiKeySet() {
    return apiKey.filter(k -> !k.isBlank()).isPresent();
  }

  /** The sandbox serves only where it is enabled (the development profile), never beside a key. */
  public boolean sandboxActive() {
    return SandboxSwitch.serves(sandboxEnabled, apiKey);
  }

  /** Refuses everything with a 503 that names the missing setting. */
  static final class NotConfigured implements PaymentGateway {

    private static PaymentProviderException refusal() {
      return new PaymentProviderException(
          PaymentProviderException.Kind.NOT_CONFIGURED,
          "not_configured",
          "No payment provider is configured: set STRIPE_API_KEY (and the price ids).",
          0);
    }

    @Override
    public String createCustomer(String customerId, String idempotencyKey) {
      throw refusal();
    }

    @Override
    public Session createCheckoutSession(CheckoutParameters parameters) {
      throw refusal();
    }

    @Override
    public Optional<Session> findOpenCheckoutSession(String stripeCustomerId, String priceId) {
      throw refusal();
    }

    @Override
    public Session retrieveCheckoutSession(String sessionId) {
      throw refusal();
    }

    @Override
    public String createPortalSession(
        String stripeCustomerId, String returnUrl, String idempotencyKey) {
      throw refusal();
    }

    @Override
    public ChargedInvoice chargeTopUp(TopUpCharge charge) {
      throw refusal();
    }

    @Override
    public Subscription retrieveSubscription(String subscriptionId) {
      throw refusal();
    }

    @Override
    public Subscription changePriceNow(
        String subscriptionId, String itemId, String priceId, String idempotencyKey) {
      throw refusal();
    }

    @Override
    public void changePriceAtPeriodEnd(
        String subscriptionId,
        String existingScheduleId,
        String currentPriceId,
        String newPriceId,
        long periodStart,
        long periodEnd,
        boolean yearly,
        String idempotencyKey) {
      throw refusal();
    }

    @Override
    public void releaseSchedule(String scheduleId, String idempotencyKey) {
      throw refusal();
    }

    @Override
    public Subscription cancelAtPeriodEnd(
        String subscriptionId, boolean cancel, String idempotencyKey) {
      throw refusal();
    }
  }
}
