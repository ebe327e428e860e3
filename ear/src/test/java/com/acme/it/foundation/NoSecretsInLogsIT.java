package com.acme.it.foundation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.ItConfig;
import com.acme.it.support.PeerServer;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.TestSecrets;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret reaches a log, at any level: the IT server writes every level of the application's and
 * stripe-java's loggers to trace.log (ear/src/test/liberty/it-server.xml). This test sends what
 * carries secrets (valid, expired, foreign and garbage bearer tokens on allowed and refused calls;
 * good, wrong and malformed Stripe-Signature headers; calls that use the Stripe key, one refused by
 * Stripe), then searches every log file both servers wrote during the run (messages.log, which
 * holds everything the console shows, trace.log, console.log, FFDC incidents) for the exact values
 * of those tokens and signatures and of every configured secret (Stripe keys, webhook secrets). The
 * one exception is what Liberty's own JWT consumer writes about a token it rejects, where
 * server.xml cannot reach: trace.log and its FFDC incident file ({@link
 * #isHiddenLibertyJwtMessage}).
 *
 * <p>It runs last ({@code @Order}, junit-platform.properties), so that a full run's logs are
 * searched; alone it searches what it caused itself.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
class NoSecretsInLogsIT {

  private final Http http = Http.testServer();
  private final StripeEvents stripeEvents = StripeEvents.testServer();
  private final WireMockServer stripe = IntegrationTestSession.stripeStandIn();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void noSecretReachesAnyLogOfTheRun() throws Exception {
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String configured : TestSecrets.configured()) {
      secrets.put(configured, "a configured secret");
    }
    sendBearerTokens(secrets);
    sendStripeSignatures(secrets);
    useTheStripeKey();
    Thread.sleep(1000); // Liberty writes its logs asynchronously

    List<Path> logs = logsOfThisRun();
    assertThat(logs)
        .as("log files written since the run began")
        .anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("messages.log"))
        .anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("trace.log"));
    String everything = String.join("\n", logs.stream().map(NoSecretsInLogsIT::read).toList());
    // The search reads the right logs: the server logged this run's start and its requests.
    assertThat(everything).contains("Configuration profile development").contains("com.acme.");

    List<String> found = new ArrayList<>();
    for (Path log : logs) {
      String text = read(log);
      if (isLibertyJwtIncident(log, text)) {
        continue;
      }
      boolean trace = log.getFileName().toString().startsWith("trace");
      text.lines()
          .filter(line -> !(trace && isHiddenLibertyJwtMessage(line)))
          .forEach(
              line ->
                  secrets.forEach(
                      (secret, what) -> {
                        if (line.contains(secret)) {
                          found.add(what + " in " + log);
                        }
                      }));
    }
    assertThat(found).as("secrets found in the logs").isEmpty();
    // Liberty's own messages that print a rejected token never reach messages.log or the console.
    assertThat(
            everythingBut(logs, "trace")
                .lines()
                .filter(NoSecretsInLogsIT::isHiddenLibertyJwtMessage))
        .as("Liberty's token-printing messages outside trace.log")
        .isEmpty();
  }

  /**
   * Liberty's JWT consumer prints a token it cannot verify (another key's signature, garbage)
   * whole, in CWWKS5523E and in the FFDC1015I notice of the first such incident. server.xml hides
   * both from messages.log and the console; Liberty still copies hidden messages to trace.log while
   * trace is on, and Liberty has no way to redact them.
   */
  private static boolean isHiddenLibertyJwtMessage(String line) {
    return line.contains("CWWKS5523E:") || (line.contains("FFDC1015I:") && line.contains("jose4j"));
  }

  /** An FFDC incident file of Liberty's JWT consumer: it holds the rejected token; see above. */
  private static boolean isLibertyJwtIncident(Path file, String text) {
    return file.getParent() != null
        && file.getParent().getFileName().toString().equals("ffdc")
        && text.lines()
            .limit(6)
            .anyMatch(
                line ->
                    line.startsWith("Source = com.ibm.ws.security.jwt.")
                        || line.startsWith("Source = com.ibm.ws.security.mp.jwt."));
  }

  /** Every log's text except trace files'. */
  private static String everythingBut(List<Path> logs, String prefix) {
    return String.join(
        "\n",
        logs.stream()
            .filter(p -> !p.getFileName().toString().startsWith(prefix))
            .map(NoSecretsInLogsIT::read)
            .toList());
  }

  /** Bearer tokens on allowed, refused and rejected calls; each token is a secret. */
  private void sendBearerTokens(Map<String, String> secrets) {
    String customer = BillingApi.newCustomer("nosecret");
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(Tokens.customer(customer), "a customer's bearer token");
    tokens.put(Tokens.service(), "a service's bearer token");
    tokens.put(Tokens.admin(), "an admin's bearer token");
    tokens.put(Tokens.expired(customer), "an expired bearer token");
    tokens.put(Tokens.signedWithAnotherKey(customer), "a token signed with another key");
    tokens.put(Tokens.fromAnotherIssuer(customer), "a token of another issuer");
    tokens.put("garbage." + UUID.randomUUID() + ".token", "a garbage bearer token");
    tokens.forEach(
        (token, what) -> {
          secrets.put(token, what);
          String[] parts = token.split("\\.");
          if (parts.length == 3 && parts[2].length() > 16) {
            secrets.put(parts[2], what + "'s signature");
          }
          http.get("/billing/whoami", token);
          http.get("/billing/subscription/status/" + customer, token);
          http.get("/billing/subscription/status/someone_else", token);
          http.get("/billing/admin/webhook-events?status=failed", token);
          http.post("/billing/check-feature-access", token, "{\"customerId\":");
          http.post(
              "/billing/usage",
              token,
              "{\"customerId\":\""
                  + customer
                  + "\",\"resource\":\"moon_rocks\",\"quantity\":1,"
                  + "\"idempotencyKey\":\"k\"}");
          http.get("/flags/billing_v2/evaluate?subject=" + customer, token);
          http.get("/billing/no-such-endpoint", token);
        });
    // A token issued by the development token command, used once.
    String issued = http.get("/dev/token?role=admin", null).body().trim();
    secrets.put(issued, "a development token");
    http.get("/billing/whoami", issued);
  }

  /** Stripe-Signature headers: accepted, refused and malformed; each signature is a secret. */
  private void sendStripeSignatures(Map<String, String> secrets) {
    long now = Instant.now().getEpochSecond();
    String payload =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "test_helpers.test_clock.ready",
            now,
            StripeEvents.fixture("customer"));
    List<String> headers =
        List.of(
            StripeEvents.signature(payload, StripeEvents.CURRENT_SECRET, now),
            StripeEvents.signature(payload, "whsec_not_ours_" + UUID.randomUUID(), now),
            StripeEvents.signature(payload, StripeEvents.PREVIOUS_SECRET, now - 3600),
            "t=abc,v1=" + UUID.randomUUID().toString().replace("-", ""));
    for (String header : headers) {
      secrets.put(header, "a Stripe-Signature header");
      for (String part : header.split(",")) {
        if (part.startsWith("v1=")) {
          secrets.put(part.substring(3), "a Stripe-Signature v1 signature");
        }
      }
      stripeEvents.deliver(payload, header);
    }
    // A signed body the server cannot read.
    String garbage = "{not json";
    String signed = StripeEvents.signature(garbage, StripeEvents.CURRENT_SECRET, now);
    secrets.put(signed, "a Stripe-Signature header");
    stripeEvents.deliver(garbage, signed);
  }

  /** Calls that send the Stripe key to the stand-in, one of them refused as Stripe refuses. */
  private void useTheStripeKey() {
    String accepted = BillingApi.newCustomer("nosecret_ok");
    HttpResponse<String> ok = checkout(accepted);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

    String refused = BillingApi.newCustomer("nosecret_401");
    StubMapping unauthorised =
        stripe.stubFor(
            post(urlEqualTo("/v1/customers"))
                .atPriority(1)
                .withFormParam("metadata[customer_id]", equalTo(refused))
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_nosecret")
                        .withBody(
                            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                                + "\"Invalid API Key provided: sk_test_****tand\"}}")));
    try {
      HttpResponse<String> failed = checkout(refused);
      assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(500);
    } finally {
      stripe.removeStub(unauthorised);
    }
  }

  private HttpResponse<String> checkout(String customer) {
    return http.post(
        "/billing/create-checkout-session",
        Tokens.customer(customer),
        "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\",\"successUrl\":"
            + "\"https://app.example/billing/success\",\"cancelUrl\":\"https://app.example/billing\","
            + "\"customerId\":\""
            + customer
            + "\"}");
  }

  /** Every file under both servers' logs directories written since the run began. */
  private static List<Path> logsOfThisRun() throws IOException {
    Path itLogs =
        ItConfig.wlpDir()
            .resolve("usr/servers")
            .resolve(ItConfig.get("it.server.name"))
            .resolve("logs");
    List<Path> logs = new ArrayList<>();
    for (Path dir : List.of(itLogs, PeerServer.logs())) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(NoSecretsInLogsIT::writtenDuringTheRun)
            .forEach(logs::add);
      }
    }
    return logs;
  }

  private static boolean writtenDuringTheRun(Path file) {
    try {
      return !Files.getLastModifiedTime(file)
          .toInstant()
          .isBefore(IntegrationTestSession.startedAt().minusSeconds(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
