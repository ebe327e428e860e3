package com.acme.it.foundation;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the API against every kind of caller, as one table: who may call it (DESIGN.md
 * "Who may call what") and what everybody else gets. Each row is a real request to the test server.
 *
 * <ul>
 *   <li>{@link Rule#PUBLIC}: needs nothing (plans, the webhook with Stripe's signature instead,
 *       health, OpenAPI, the development token command of the development profile);
 *   <li>{@link Rule#AUTHENTICATED}: any valid token (flag reads, who-am-I, the checkout look-up);
 *   <li>{@link Rule#CUSTOMER}: about one customer: that customer, service and admin; another
 *       customer 403 {@code forbidden-customer};
 *   <li>{@link Rule#SERVICE}: recording usage: service and admin; a customer 403 {@code forbidden};
 *   <li>{@link Rule#ADMIN}: admin only; customer and service 403 {@code forbidden}.
 * </ul>
 *
 * Every protected operation answers 401 {@code unauthorized} to no token, an expired token, a token
 * signed with another key and a token of another issuer. An allowed call answers the status the
 * operation gives a fresh customer (never 401, 403 or a 5xx).
 */
@ExtendWith(ArquillianExtension.class)
class AccessRulesIT {

  enum Rule {
    PUBLIC,
    AUTHENTICATED,
    CUSTOMER,
    SERVICE,
    ADMIN
  }

  /** Who calls, for a target customer {@code c}. */
  enum Caller {
    ANONYMOUS(c -> null),
    EXPIRED(Tokens::expired),
    OTHER_KEY(Tokens::signedWithAnotherKey),
    OTHER_ISSUER(Tokens::fromAnotherIssuer),
    CUSTOMER_ITSELF(Tokens::customer),
    ANOTHER_CUSTOMER(c -> Tokens.customer(c + "_other")),
    SERVICE(c -> Tokens.service()),
    ADMIN(c -> Tokens.admin());

    final Function<String, String> token;

    Caller(Function<String, String> token) {
      this.token = token;
    }
  }

  /**
   * One operation: {@code {c}} in path and body is the target customer, {@code {k}} a fresh key;
   * {@code allowed} the status an allowed caller gets for a fresh customer (a 404 or 409 there is
   * the operation's own answer, given only once the caller passed the access check).
   */
  record Operation(String method, String path, String body, Rule rule, int allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** A flag the admin rows change, so that billing_v2 stays as other tests expect it. */
  private static final String FLAG = "access_rules_probe";

  private static final List<Operation> OPERATIONS =
      List.of(
          // Public.
          new Operation("GET", "/billing/plans", null, Rule.PUBLIC, 200),
          new Operation("POST", "/billing/webhook", "signed-event", Rule.PUBLIC, 200),
          new Operation("GET", "/health/live", null, Rule.PUBLIC, 200),
          new Operation("GET", "/health/ready", null, Rule.PUBLIC, 200),
          new Operation("GET", "/health/started", null, Rule.PUBLIC, 200),
          new Operation("GET", "/openapi", null, Rule.PUBLIC, 200),
          new Operation("GET", "/dev/token?role=customer&customerId={c}", null, Rule.PUBLIC, 200),
          // Any authenticated caller.
          new Operation("GET", "/billing/whoami", null, Rule.AUTHENTICATED, 200),
          new Operation("GET", "/flags", null, Rule.AUTHENTICATED, 200),
          new Operation("GET", "/flags/billing_v2", null, Rule.AUTHENTICATED, 200),
          new Operation("GET", "/flags/billing_v2/history", null, Rule.AUTHENTICATED, 200),
          new Operation(
              "GET", "/billing/checkout-session/cs_unknown_{k}", null, Rule.AUTHENTICATED, 404),
          // About one customer.
          new Operation("GET", "/flags/billing_v2/evaluate?subject={c}", null, Rule.CUSTOMER, 200),
          new Operation("GET", "/billing/subscription/status/{c}", null, Rule.CUSTOMER, 200),
          new Operation("GET", "/billing/invoices/{c}", null, Rule.CUSTOMER, 200),
          new Operation("GET", "/billing/overage/{c}", null, Rule.CUSTOMER, 200),
          new Operation(
              "PUT",
              "/billing/overage/{c}",
              "{\"resources\":{\"build_hours\":{\"enabled\":false,\"monthlyCapCents\":0}}}",
              Rule.CUSTOMER,
              200),
          new Operation(
              "GET", "/billing/usage/history/{c}?resource=build_hours", null, Rule.CUSTOMER, 200),
          new Operation(
              "POST",
              "/billing/check-feature-access",
              "{\"customerId\":\"{c}\",\"feature\":\"autoscale\"}",
              Rule.CUSTOMER,
              200),
          new Operation(
              "POST",
              "/billing/check-usage-limits",
              "{\"customerId\":\"{c}\",\"usage\":{\"build_hours\":1}}",
              Rule.CUSTOMER,
              200),
          new Operation(
              "POST",
              "/billing/create-checkout-session",
              "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\",\"successUrl\":"
                  + "\"https://app.example/billing/success\",\"cancelUrl\":"
                  + "\"https://app.example/billing\",\"customerId\":\"{c}\"}",
              Rule.CUSTOMER,
              200),
          new Operation(
              "POST",
              "/billing/create-portal-session",
              "{\"customerId\":\"{c}\",\"returnUrl\":\"https://app.example/billing\"}",
              Rule.CUSTOMER,
              409), // no-billing-account: a fresh customer has no Stripe customer yet
          new Operation(
              "POST",
              "/billing/subscription/change-plan",
              "{\"customerId\":\"{c}\",\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\"}",
              Rule.CUSTOMER,
              409),
          new Operation(
              "POST",
              "/billing/subscription/cancel",
              "{\"customerId\":\"{c}\"}",
              Rule.CUSTOMER,
              409),
          new Operation(
              "POST",
              "/billing/subscription/resume",
              "{\"customerId\":\"{c}\"}",
              Rule.CUSTOMER,
              409),
          // Recording usage.
          new Operation(
              "POST",
              "/billing/usage",
              "{\"customerId\":\"{c}\",\"resource\":\"build_hours\",\"quantity\":1,"
                  + "\"idempotencyKey\":\"{k}\"}",
              Rule.SERVICE,
              200),
          new Operation(
              "PUT",
              "/billing/usage/{c}/projects",
              "{\"value\":1,\"idempotencyKey\":\"{k}\"}",
              Rule.SERVICE,
              200),
          // Admin.
          new Operation(
              "PUT",
              "/billing/admin/customers/{c}/subscription",
              "{\"tierId\":\"PRO\",\"status\":\"active\",\"billingPeriod\":\"monthly\"}",
              Rule.ADMIN,
              200),
          new Operation("GET", "/billing/admin/customers/{c}/subscriptions", null, Rule.ADMIN, 200),
          new Operation("POST", "/billing/admin/customers/{c}/sync", null, Rule.ADMIN, 409),
          new Operation(
              "GET", "/billing/admin/webhook-events?status=failed", null, Rule.ADMIN, 200),
          new Operation(
              "POST",
              "/billing/admin/webhook-events/evt_unknown_{k}/replay",
              null,
              Rule.ADMIN,
              404),
          new Operation("POST", "/billing/admin/data-keys/re-encrypt", null, Rule.ADMIN, 200),
          new Operation("GET", "/billing/audit?customerId={c}", null, Rule.ADMIN, 200),
          new Operation(
              "POST",
              "/flags",
              "{\"key\":\"probe_{k}\",\"description\":\"access rules\"}",
              Rule.ADMIN,
              201),
          new Operation(
              "PATCH",
              "/flags/" + FLAG,
              "{\"enabled\":false,\"rolloutPercentage\":0}",
              Rule.ADMIN,
              200),
          new Operation(
              "PUT",
              "/flags/" + FLAG,
              "{\"description\":\"access rules\",\"environments\":{\"development\":"
                  + "{\"enabled\":false,\"rolloutPercentage\":0}}}",
              Rule.ADMIN,
              200),
          new Operation("DELETE", "/flags/probe_missing_{k}", null, Rule.ADMIN, 404));

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  static Stream<Arguments> table() {
    List<Arguments> rows = new ArrayList<>();
    for (Operation operation : OPERATIONS) {
      for (Caller caller : Caller.values()) {
        expectation(operation, caller)
            .ifPresent(
                expected ->
                    rows.add(
                        Arguments.of(
                            Named.of(operation.toString(), operation),
                            caller,
                            Named.of(expected.toString(), expected))));
      }
    }
    return rows.stream();
  }

  /** What the rules say this caller gets; empty where the combination says nothing new. */
  static Optional<Expected> expectation(Operation operation, Caller caller) {
    Expected allowed = new Expected(operation.allowed(), null);
    Expected unauthorized = new Expected(401, "unauthorized");
    Expected forbidden = new Expected(403, "forbidden");
    Expected notThisCustomer = new Expected(403, "forbidden-customer");
    if (operation.rule() == Rule.PUBLIC) {
      return caller == Caller.ANONYMOUS ? Optional.of(allowed) : Optional.empty();
    }
    Expected expected =
        switch (caller) {
          case ANONYMOUS, EXPIRED, OTHER_KEY, OTHER_ISSUER -> unauthorized;
          case CUSTOMER_ITSELF ->
              switch (operation.rule()) {
                case AUTHENTICATED, CUSTOMER -> allowed;
                default -> forbidden;
              };
          case ANOTHER_CUSTOMER ->
              switch (operation.rule()) {
                case AUTHENTICATED -> null; // nothing of a customer's in it: as CUSTOMER_ITSELF
                case CUSTOMER -> notThisCustomer;
                default -> forbidden;
              };
          case SERVICE -> operation.rule() == Rule.ADMIN ? forbidden : allowed;
          case ADMIN -> allowed;
        };
    return Optional.ofNullable(expected);
  }

  record Expected(int status, String problemType) {
    @Override
    public String toString() {
      return problemType == null ? "allowed (" + status + ")" : status + " " + problemType;
    }
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @MethodSource("table")
  void everyOperationAnswersEveryCallerAsTheRulesSay(
      Operation operation, Caller caller, Expected expected) {
    String customer = BillingApi.newCustomer("acc");
    if (operation.path().contains(FLAG)) {
      ensureProbeFlag();
    }
    HttpResponse<String> response = call(operation, customer, caller.token.apply(customer));
    if (expected.problemType() != null) {
      assertProblem(response, expected.status(), expected.problemType());
    } else {
      assertThat(response.statusCode())
          .as("%s as %s: %s", operation, caller, response.body())
          .isEqualTo(expected.status());
    }
  }

  private HttpResponse<String> call(Operation operation, String customer, String token) {
    String key = UUID.randomUUID().toString().substring(0, 8);
    String path = operation.path().replace("{c}", customer).replace("{k}", key);
    if ("signed-event".equals(operation.body())) {
      String payload =
          StripeEvents.event(
              StripeEvents.newEventId(),
              "test_helpers.test_clock.ready",
              Instant.now().getEpochSecond(),
              StripeEvents.fixture("customer"));
      return new StripeEvents(http).deliver(payload);
    }
    String body =
        operation.body() == null
            ? null
            : operation.body().replace("{c}", customer).replace("{k}", key);
    Map<String, String> headers =
        body == null ? Map.of() : Map.of("Content-Type", "application/json");
    return http.send(operation.method(), path, token, headers, body);
  }

  private void ensureProbeFlag() {
    HttpResponse<String> created =
        http.post(
            "/flags",
            Tokens.admin(),
            "{\"key\":\"" + FLAG + "\",\"description\":\"access rules\"}");
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
  }
}
