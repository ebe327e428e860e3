package com.acme.billing.stripe;

import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.api.PaymentProviderException.Kind;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoiceVoidInvoiceParams;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleReleaseParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The real adapter: stripe-java's {@link StripeClient} with network retries on (a retry reuses the
 * request's idempotency key) and every create or update carrying the key of its request. Stripe's
 * errors become {@link PaymentProviderException}s a caller can act on.
 */
public class StripeGateway implements PaymentGateway {

  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());
  static final int RETRY_AFTER_SECONDS = 30;
  static final String IDEMPOTENCY_ERROR = "idempotency_error";

  private final StripeClient client;
  private final RateLimitBackoff backoff;

  public StripeGateway(StripeClient client, RateLimitBackoff backoff) {
    this.client = client;
    this.backoff = backoff;
  }

  /** A client for {@code apiBase} (Stripe's, or a stand-in's in tests). */
  public static StripeClient client(
      String apiKey, String apiBase, int maxNetworkRetries, int timeoutMillis) {
    StripeClient.StripeClientBuilder builder =
        StripeClient.builder()
            .setApiKey(apiKey)
            .setMaxNetworkRetries(maxNetworkRetries)
            .setConnectTimeout(timeoutMillis)
            .setReadTimeout(timeoutMillis);
    if (apiBase != null && !apiBase.isBlank()) {
      builder.setApiBase(apiBase);
    }
    return builder.build();
  }

  @Override
  public String createCustomer(String customerId, String idempotencyKey) {
    return call(
        () ->
            client
                .v1()
                .customers()
                .create(
                    CustomerCreateParams.builder()
                        .putMetadata(StripeSubscriptionReader.CUSTOMER_ID_METADATA, customerId)
                        .build(),
                    key(idempotencyKey))
                .getId());
  }

  @Override
  public Session createCheckoutSession(CheckoutParameters p) {
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
            .setCustomer(p.stripeCustomerId())
            .setClientReferenceId(p.customerId())
            .putMetadata(StripeSubscriptionReader.CUSTOMER_ID_METADATA, p.customerId())
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setPrice(p.priceId())
                    .setQuantity(1L)
                    .build())
            .setSubscriptionData(
                SessionCreateParams.SubscriptionData.builder()
                    .putMetadata(StripeSubscriptionReader.CUSTOMER_ID_METADATA, p.customerId())
                    .build())
            .setSuccessUrl(p.successUrl())
            .setCancelUrl(p.cancelUrl())
            .build();
    return call(() -> client.v1().checkout().sessions().create(params, key(p.idempotencyKey())));
  }

  @Override
  public Optional<Session> findOpenCheckoutSession(String stripeCustomerId, String priceId) {
    long now = Instant.now().getEpochSecond();
    return call(
        () ->
            client
                .v1()
                .checkout()
                .sessions()
                .list(
                    SessionListParams.builder()
                        .setCustomer(stripeCustomerId)
                        .setStatus(SessionListParams.Status.OPEN)
                        .addExpand("data.line_items")
                        .build())
                .getData()
                .stream()
                .filter(s -> s.getExpiresAt() == null || s.getExpiresAt() > now + 60)
                .filter(s -> hasPrice(s, priceId))
                .findFirst());
  }

  @Override
  public Session retrieveCheckoutSession(String sessionId) {
    return call(() -> client.v1().checkout().sessions().retrieve(sessionId));
  }

  @Override
  public String createPortalSession(
      String stripeCustomerId, String returnUrl, String idempotencyKey) {
    return call(
        () ->
            client
                .v1()
                .billingPortal()
                .sessions()
                .create(
                    com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(stripeCustomerId)
                        .setReturnUrl(returnUrl)
                        .build(),
                    key(idempotencyKey))
                .getUrl());
  }

  @Override
  public Subscription retrieveSubscription(String subscriptionId) {
    return call(() -> client.v1().subscriptions().retrieve(subscriptionId));
  }

  @Override
  public Subscription changePriceNow(
      String subscriptionId, String itemId, String priceId, String idempotencyKey) {
    return call(
        () ->
            client
                .v1()
                .subscriptions()
                .update(
                    subscriptionId,
                    SubscriptionUpdateParams.builder()
                        .addItem(
                            SubscriptionUpdateParams.Item.builder()
                                .setId(itemId)
                                .setPrice(priceId)
                                .build())
                        .setProrationBehavior(
                            SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                        .build(),
                    key(idempotencyKey)));
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
    call(
        () -> {
          // A subscription can have one schedule: a second downgrade updates it.
          String scheduleId =
              existingScheduleId != null
                  ? existingScheduleId
                  : client
                      .v1()
                      .subscriptionSchedules()
                      .create(
                          SubscriptionScheduleCreateParams.builder()
                              .setFromSubscription(subscriptionId)
                              .build(),
                          key(idempotencyKey + "-schedule"))
                      .getId();
          return client
              .v1()
              .subscriptionSchedules()
              .update(
                  scheduleId,
                  SubscriptionScheduleUpdateParams.builder()
                      .addPhase(
                          SubscriptionScheduleUpdateParams.Phase.builder()
                              .addItem(
                                  SubscriptionScheduleUpdateParams.Phase.Item.builder()
                                      .setPrice(currentPriceId)
                                      .build())
                              .setStartDate(periodStart)
                              .setEndDate(periodEnd)
                              .build())
                      .addPhase(
                          SubscriptionScheduleUpdateParams.Phase.builder()
                              .addItem(
                                  SubscriptionScheduleUpdateParams.Phase.Item.builder()
                                      .setPrice(newPriceId)
                                      .build())
                              .setDuration(
                                  SubscriptionScheduleUpdateParams.Phase.Duration.builder()
                                      .setInterval(
                                          yearly
                                              ? SubscriptionScheduleUpdateParams.Phase.Duration
                                                  .Interval.YEAR
                                              : SubscriptionScheduleUpdateParams.Phase.Duration
                                                  .Interval.MONTH)
                                      .setIntervalCount(1L)
                                      .build())
                              .build())
                      .setEndBehavior(SubscriptionScheduleUpdateParams.EndBehavior.RELEASE)
                      .build(),
                  key(idempotencyKey));
        });
  }

  @Override
  public void releaseSchedule(String scheduleId, String idempotencyKey) {
    call(
        () ->
            client
                .v1()
                .subscriptionSchedules()
                .release(
                    scheduleId,
                    SubscriptionScheduleReleaseParams.builder().build(),
                    key(idempotencyKey)));
  }

  @Override
  public Subscription cancelAtPeriodEnd(
      String subscriptionId, boolean cancel, String idempotencyKey) {
    return call(
        () ->
            client
                .v1()
                .subscriptions()
                .update(
                    subscriptionId,
                    SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build(),
                    key(idempotencyKey)));
  }

  @Override
  public ChargedInvoice chargeTopUp(TopUpCharge charge) {
    String key = charge.idempotencyKey();
    Invoice draft =
        call(
            () ->
                client
                    .v1()
                    .invoices()
                    .create(
                        InvoiceCreateParams.builder()
                            .setCustomer(charge.stripeCustomerId())
                            .setCollectionMethod(
                                InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY)
                            .setAutoAdvance(false)
                            // Only this pack: never another pending item of the customer.
                            .setPendingInvoiceItemsBehavior(
                                InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
                            .setDescription(charge.description())
                            .putMetadata(
                                StripeSubscriptionReader.CUSTOMER_ID_METADATA, charge.customerId())
                            .putMetadata(TOP_UP_METADATA, key)
                            .build(),
                        key(key + ":invoice")));
    call(
        () ->
            client
                .v1()
                .invoiceItems()
                .create(
                    InvoiceItemCreateParams.builder()
                        .setCustomer(charge.stripeCustomerId())
                        .setInvoice(draft.getId())
                        .setAmount(charge.amount())
                        .setCurrency(charge.currency())
                        .setDescription(charge.description())
                        .putMetadata(TOP_UP_METADATA, key)
                        .build(),
                    key(key + ":item")));
    Invoice paid;
    try {
      paid =
          call(
              () ->
                  client
                      .v1()
                      .invoices()
                      .pay(draft.getId(), InvoicePayParams.builder().build(), key(key + ":pay")));
    } catch (PaymentProviderException declined) {
      if (declined.kind() == Kind.CARD_DECLINED) {
        // The pack is not granted, so it must not be collected later either (the customer paying
        // the open invoice by hand, a retry): void it. The next attempt is a new pack number.
        call(
            () ->
                client
                    .v1()
                    .invoices()
                    .voidInvoice(
                        draft.getId(),
                        InvoiceVoidInvoiceParams.builder().build(),
                        key(key + ":void")));
      }
      throw declined;
    }
    return new ChargedInvoice(paid.getId(), paid.getStatus());
  }

  private static boolean hasPrice(Session session, String priceId) {
    return session.getLineItems() != null
        && session.getLineItems().getData().stream()
            .anyMatch(item -> item.getPrice() != null && priceId.equals(item.getPrice().getId()));
  }

  private static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  /**
   * Runs a Stripe call. stripe-java retries timeouts, refused connections, 409s and 5xx itself
   * (with the same idempotency key). A 429 and a connection reset it does not retry, so this backs
   * off and runs the same call, with the same key, a bounded number of times before giving up with
   * a 503: the key makes a reset request that Stripe did process count once.
   */
  private <T> T call(StripeCall<T> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (StripeException e) {
        if (!retriedByTheProduct(e) || !backoff.waitBeforeRetry(attempt)) {
          throw translate(e);
        }
      }
    }
  }

  static boolean retriedByTheProduct(StripeException e) {
    return e instanceof RateLimitException
        || (e instanceof ApiConnectionException && connectionReset(e));
  }

  private static boolean connectionReset(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof ConnectException) {
        return false; // stripe-java retried these already
      }
      if (t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }

  /** Stripe's error as something the caller can act on; the request id goes to the log. */
  static PaymentProviderException translate(StripeException e) {
    LOG.warning(
        "Stripe refused a request: status "
            + e.getStatusCode()
            + ", code "
            + e.getCode()
            + ", request "
            + e.getRequestId());
    if (e instanceof CardException card) {
      return new PaymentProviderException(
          Kind.CARD_DECLINED,
          card.getDeclineCode() != null ? card.getDeclineCode() : card.getCode(),
          "The card was declined; use another card.",
          0);
    }
    if (e instanceof IdempotencyException || IDEMPOTENCY_ERROR.equals(e.getCode())) {
      return new PaymentProviderException(
          Kind.IDEMPOTENCY_CONFLICT,
          IDEMPOTENCY_ERROR,
          "The idempotency key was already used for a different request.",
          0);
    }
    if (e instanceof RateLimitException) {
      return new PaymentProviderException(
          Kind.RATE_LIMITED,
          e.getCode(),
          "Stripe is rate limiting this server.",
          RETRY_AFTER_SECONDS);
    }
    if (e instanceof ApiConnectionException
        || e.getStatusCode() == null
        || e.getStatusCode() >= 500
        || e.getStatusCode() == 409) {
      return new PaymentProviderException(
          Kind.UNAVAILABLE,
          e.getCode(),
          "Stripe cannot be reached right now.",
          RETRY_AFTER_SECONDS);
    }
    if (e.getStatusCode()
        == 404) { // retrieving a missing object (a missing price in a create is a 400)
      return new PaymentProviderException(
          Kind.NOT_FOUND, e.getCode(), "Stripe has no such object.", 0);
    }
    if (e instanceof AuthenticationException || e instanceof PermissionException) {
      return new PaymentProviderException(
          Kind.REJECTED, e.getCode(), "The server's Stripe credentials were refused.", 0);
    }
    return new PaymentProviderException(
        Kind.REJECTED,
        e.getCode(),
        "Stripe refused the request ("
            + (e.getCode() == null ? "invalid request" : e.getCode())
            + ").",
        0);
  }
}
