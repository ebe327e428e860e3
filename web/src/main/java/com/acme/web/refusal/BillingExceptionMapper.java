package com.acme.web.refusal;

import com.acme.billing.api.BillingException;
import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.IdempotencyKeyReusedException;
import com.acme.billing.api.InvalidOverageException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.api.InvalidWebhookException;
import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.api.UnknownFeatureException;
import com.acme.billing.api.UnknownResourceException;
import com.acme.billing.api.UnknownTierException;
import com.acme.billing.api.UsageLimitExceededException;
import com.acme.billing.api.UsageReport;
import com.acme.billing.api.WebhookFailedException;
import com.acme.billing.api.WrongResourceKindException;
import com.acme.web.problem.BusyProblems;
import com.acme.web.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** The billing module's refusals, each as a problem with its own stable type. */
@Provider
public class BillingExceptionMapper implements ExceptionMapper<BillingException> {

  /**
   * The code of the checkout look-up's own throttle (one Stripe read a second per session): the
   * caller's repetition, so a 429, not the 503 of Stripe being unavailable.
   */
  static final String LOOKUP_THROTTLED = "lookup_throttled";

  @Override
  public Response toResponse(BillingException e) {
    Response.ResponseBuilder answer = problem(e).toResponseBuilder();
    if (e instanceof PaymentProviderException p && p.retryAfterSeconds() > 0) {
      answer.header("Retry-After", p.retryAfterSeconds());
    }
    if (e instanceof WebhookFailedException w && w.isTransient()) {
      answer.header("Retry-After", BusyProblems.RETRY_AFTER_SECONDS);
    }
    return answer.build();
  }

  static Problem problem(BillingException e) {
    if (e instanceof UnknownFeatureException u) {
      return Problem.of(400, "unknown-feature", "Unknown feature", u.getMessage())
          .with("feature", u.feature())
          .with("knownFeatures", u.known());
    }
    if (e instanceof UnknownResourceException u) {
      return Problem.of(400, "unknown-resource", "Unknown resource", u.getMessage())
          .with("resource", u.resource())
          .with("knownResources", u.known());
    }
    if (e instanceof UnknownTierException u) {
      return Problem.of(400, "unknown-tier", "Unknown tier", u.getMessage())
          .with("tierId", u.tierId())
          .with("knownTiers", u.known());
    }
    if (e instanceof UsageLimitExceededException u) {
      String advice =
          switch (u.reason()) {
            case UsageReport.OVERAGE_CAP_REACHED ->
                "Another top-up would pass this month's overage cap: raise the cap, upgrade the"
                    + " plan or lower the usage; nothing was recorded.";
            case UsageReport.TOP_UP_DECLINED ->
                "The card on file was declined for a top-up, so none was bought: update the"
                    + " payment method in the customer portal; nothing was recorded.";
            default ->
                "Upgrade the plan, turn on top-ups or lower the usage; nothing was recorded.";
          };
      return Problem.of(
              409,
              "usage-limit-exceeded",
              "Usage limit exceeded",
              "Recording this would take "
                  + u.resource()
                  + " past its limit of "
                  + u.limit()
                  + " (used "
                  + u.used()
                  + "). "
                  + advice)
          .with("resource", u.resource())
          .with("used", u.used())
          .with("limit", u.limit())
          .with("requested", u.requested())
          .with("reason", u.reason());
    }
    if (e instanceof InvalidOverageException o) {
      return Problem.of(400, "invalid-overage", "Invalid overage setting", o.getMessage() + ".")
          .with("field", o.field());
    }
    if (e instanceof IdempotencyKeyReusedException) {
      return Problem.of(
          409,
          "idempotency-key-reused",
          "Idempotency key reused",
          e.getMessage() + "; send a new key for a new record.");
    }
    if (e instanceof CheckoutRefusedException c) {
      return checkoutRefused(c);
    }
    if (e instanceof PaymentProviderException p) {
      return switch (p.kind()) {
        case CARD_DECLINED ->
            Problem.of(402, "card-declined", "Card declined", p.getMessage())
                .with("declineCode", p.code());
        case REJECTED ->
            Problem.of(
                502,
                "payment-provider-rejected",
                "Payment provider refused the request",
                p.getMessage()
                    + " Nothing was charged; support has been told (see the server log).");
        case RATE_LIMITED, UNAVAILABLE ->
            LOOKUP_THROTTLED.equals(p.code())
                ? Problem.of(
                    429,
                    "too-many-requests",
                    "Too many requests",
                    p.getMessage() + " Send it again in " + p.retryAfterSeconds() + " s.")
                : Problem.of(
                    503,
                    "payment-provider-unavailable",
                    "Payment provider unavailable",
                    p.getMessage()
                        + " Nothing was charged; retry in "
                        + p.retryAfterSeconds()
                        + " s.");
        case NOT_FOUND -> Problem.of(404, "payment-object-not-found", "Not found", p.getMessage());
        case IDEMPOTENCY_CONFLICT ->
            Problem.of(
                409,
                "idempotency-key-reused",
                "Idempotency key reused",
                p.getMessage() + " Send a new Idempotency-Key for a new request; nothing changed.");
        case NOT_CONFIGURED ->
            Problem.of(
                503, "payment-provider-not-configured", "No payment provider", p.getMessage());
      };
    }
    if (e instanceof InvalidWebhookException) {
      return Problem.of(
          400,
          "invalid-webhook-signature",
          "Invalid webhook signature",
          e.getMessage() + ". Nothing was stored.");
    }
    if (e instanceof WebhookFailedException w && w.isTransient()) {
      return BusyProblems.problem(
              "The event met a conflicting change or a lock held too long and was not applied;"
                  + " Stripe delivers it again.")
          .with("eventId", w.eventId());
    }
    if (e instanceof WebhookFailedException w) {
      return Problem.of(
              500,
              "webhook-processing-failed",
              "Webhook processing failed",
              "The event was stored as failed and will be applied when Stripe retries it; admins"
                  + " see it at GET /billing/admin/webhook-events?status=failed.")
          .with("eventId", w.eventId());
    }
    if (e instanceof WrongResourceKindException w) {
      String hint =
          w.isLevel()
              ? "Set it with PUT /billing/usage/{customerId}/" + w.resource() + "."
              : "Record it with POST /billing/usage.";
      return Problem.of(400, "invalid-usage", "Invalid usage record", w.getMessage() + ". " + hint)
          .with("field", w.field());
    }
    if (e instanceof InvalidUsageException u) {
      return Problem.of(400, "invalid-usage", "Invalid usage record", u.getMessage())
          .with("field", u.field());
    }
    return Problem.of(400, "billing-refused", "Request refused", e.getMessage());
  }

  /** A self-service refusal: the request is well formed but conflicts with the account. */
  private static Problem checkoutRefused(CheckoutRefusedException c) {
    String type = c.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String detail =
        switch (c.reason()) {
          case FREE_NEEDS_NO_CHECKOUT ->
              c.getMessage() + ". Cancel with POST /billing/subscription/cancel.";
          case SUBSCRIPTION_EXISTS ->
              c.getMessage() + ". Change it with POST /billing/subscription/change-plan.";
          default -> c.getMessage() + ".";
        };
    int status = c.reason() == CheckoutRefusedException.Reason.REDIRECT_NOT_ALLOWED ? 400 : 409;
    return Problem.of(status, type, title(type), detail);
  }

  private static String title(String type) {
    String words = type.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
