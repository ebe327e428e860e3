package com.acme.it.foundation;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.Http;
import com.acme.it.support.ItConfig;
import com.acme.it.support.PeerServer;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.TestSecrets;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration profiles on a real server (the peer, its own JVM, started with exactly the
 * environment each test gives): production fails closed and names every setting at fault,
 * production with complete settings runs without any development convenience, development refuses a
 * live Stripe key and the retired APP_PROFILE switch, a data keyset that cannot open what the
 * database holds is refused, and the development token command answers loopback callers only. Four
 * server starts.
 */
class ProfilesIT {

  private static final String REFUSAL = "Refusing to start: ";
  private static final String IDP_ISSUER = "https://idp.example";

  @Test
  void productionRefusesToStartAndNamesEverySettingAtFault() throws Exception {
    Map<String, String> environment = database();
    environment.put("MP_CONFIG_PROFILE", "production");
    environment.put("STRIPE_SANDBOX_ENABLED", "true");
    environment.put("DEV_TOKEN_ENABLED", "true");
    environment.put("BILLING_DATA_KEYS", ""); // none
    try (PeerServer peer = new PeerServer().start(environment)) {
      String refusal = refusal(peer);
      assertThat(refusal)
          .contains("app.environment (APP_ENVIRONMENT) is required in production")
          .contains("billing.data.keys (BILLING_DATA_KEYS) or billing.data.keys.file")
          .contains("stripe.sandbox.enabled (STRIPE_SANDBOX_ENABLED) must be false")
          .contains("dev.token.enabled (DEV_TOKEN_ENABLED) must be false")
          .contains("stripe.api.key (STRIPE_API_KEY) is required")
          .contains("stripe.webhook.secret (STRIPE_WEBHOOK_SECRET)")
          .contains("stripe.pro.monthly.price-id (STRIPE_PRO_MONTHLY_PRICE_ID)")
          .contains("billing.redirect.allowed-origins (BILLING_REDIRECT_ALLOWED_ORIGINS)")
          .contains("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)")
          .contains("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER)");
      assertNeverServes(peer);
    }
  }

  @Test
  void productionWithCompleteSettingsRunsWithoutDevelopmentConveniences(@TempDir Path dir)
      throws Exception {
    KeyPair idp = rsaKeyPair();
    Path publicKey = dir.resolve("idp-public.pem");
    Files.writeString(publicKey, pem("PUBLIC KEY", idp.getPublic().getEncoded()));
    Map<String, String> environment = database();
    environment.put("MP_CONFIG_PROFILE", "production");
    environment.put("APP_ENVIRONMENT", "staging");
    environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
    environment.put("MP_JWT_VERIFY_ISSUER", IDP_ISSUER);
    environment.put("STRIPE_API_KEY", TestSecrets.LIVE_STRIPE_KEY);
    environment.put("STRIPE_WEBHOOK_SECRET", TestSecrets.PRODUCTION_WEBHOOK_SECRET);
    for (String tierPeriod :
        List.of(
            "STARTER_MONTHLY",
            "STARTER_YEARLY",
            "PRO_MONTHLY",
            "PRO_YEARLY",
            "SCALE_MONTHLY",
            "SCALE_YEARLY")) {
      environment.put("STRIPE_" + tierPeriod + "_PRICE_ID", "price_live_" + tierPeriod);
    }
    environment.put("BILLING_REDIRECT_ALLOWED_ORIGINS", "https://app.example");
    try (PeerServer peer = new PeerServer().startReady(environment)) {
      Http http = peer.http();
      assertThat(peer.messages())
          .contains("Configuration profile production")
          .doesNotContain(REFUSAL);
      JsonObject payments =
          Http.healthCheck(Http.json(http.get("/health/ready", null)), "payments");
      assertThat(payments.getJsonObject("data").getString("mode")).isEqualTo("stripe");
      assertThat(payments.getString("status")).isEqualTo("UP");

      // The identity provider's tokens verify; the development key's do not.
      String admin = Tokens.signed(idp.getPrivate(), IDP_ISSUER, "ops-1", List.of("admin"), null);
      assertThat(http.get("/billing/whoami", admin).statusCode()).isEqualTo(200);
      assertProblem(http.get("/billing/whoami", Tokens.admin()), 401, "unauthorized");
      // The flag states of APP_ENVIRONMENT apply.
      assertThat(Http.json(http.get("/flags", admin)).getString("environment"))
          .isEqualTo("staging");
      // No token command, no sandbox pages, no sandbox webhook secret.
      assertThat(http.get("/dev/token?role=admin", null).statusCode()).isEqualTo(404);
      assertThat(http.get("/sandbox/checkout/cs_anything", null).statusCode()).isEqualTo(404);
      String payload =
          StripeEvents.event(
              StripeEvents.newEventId(),
              "test_helpers.test_clock.ready",
              Instant.now().getEpochSecond(),
              StripeEvents.fixture("customer"));
      long now = Instant.now().getEpochSecond();
      StripeEvents webhook = new StripeEvents(http);
      assertThat(
              webhook
                  .deliver(
                      payload,
                      StripeEvents.signature(payload, "whsec_sandbox_development_only", now))
                  .statusCode())
          .isEqualTo(400);
      assertThat(
              webhook
                  .deliver(
                      payload,
                      StripeEvents.signature(payload, TestSecrets.PRODUCTION_WEBHOOK_SECRET, now))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void developmentRefusesALiveStripeKeyTheRetiredAppProfileAnUnknownEnvironmentAndAWrongDataKey()
      throws Exception {
    Map<String, String> environment = database();
    // No MP_CONFIG_PROFILE: the development profile, whatever APP_PROFILE used to mean.
    environment.put("APP_PROFILE", "production");
    environment.put("APP_ENVIRONMENT", "qa");
    environment.put("STRIPE_API_KEY", TestSecrets.LIVE_STRIPE_KEY);
    // A keyset of its own, not the one the main server sealed the test database's data with.
    String wrongKeys =
        TestSecrets.itDataKeys()
            .replaceAll("\"value\":\"[^\"]+\"", "\"value\":\"" + otherKey() + "\"");
    environment.put("BILLING_DATA_KEYS", wrongKeys);
    try (PeerServer peer = new PeerServer().start(environment)) {
      String refusal = refusal(peer);
      assertThat(refusal)
          .contains("cannot decrypt the billing data this database holds")
          .contains("billing.data.keys (BILLING_DATA_KEYS)")
          .doesNotContain(otherKey())
          .contains("APP_PROFILE (app.profile) is \"production\" but the profile in force is")
          .contains("set MP_CONFIG_PROFILE=production")
          .contains("app.environment (APP_ENVIRONMENT) is \"qa\"")
          .contains("stripe.api.key (STRIPE_API_KEY) is a live key")
          .doesNotContain(TestSecrets.LIVE_STRIPE_KEY);
      assertNeverServes(peer);
    }
  }

  @Test
  void theDevelopmentTokenCommandAnswersLoopbackCallersOnly() throws Exception {
    Map<String, String> environment = database();
    environment.put("HTTP_HOST", "*"); // listen on every interface, as in a container
    try (PeerServer peer = new PeerServer().startReady(environment)) {
      int port = ItConfig.integer("it.peer.http.port");
      Http loopback = new Http(URI.create("http://127.0.0.1:" + port));
      HttpResponse<String> issued = loopback.get("/dev/token?role=admin", null);
      assertThat(issued.statusCode()).isEqualTo(200);
      assertThat(loopback.get("/billing/whoami", issued.body().trim()).statusCode()).isEqualTo(200);

      // Through a proxy on this machine: the proxy is the loopback peer, not the caller.
      assertProblem(
          loopback.send(
              "GET", "/dev/token?role=admin", null, Map.of("X-Forwarded-For", "203.0.113.9"), null),
          403,
          "dev-token-loopback-only");
      assertProblem(
          loopback.send(
              "GET", "/dev/token?role=admin", null, Map.of("Forwarded", "for=203.0.113.9"), null),
          403,
          "dev-token-loopback-only");

      Optional<InetAddress> external = nonLoopbackAddress();
      Assumptions.assumeTrue(
          external.isPresent(), "this machine has no non-loopback IPv4 address to call from");
      Http remote = new Http(URI.create("http://" + external.get().getHostAddress() + ":" + port));
      assertThat(remote.get("/health/live", null).statusCode()).isEqualTo(200);
      assertProblem(remote.get("/dev/token?role=admin", null), 403, "dev-token-loopback-only");
    }
  }

  /** The peer's database settings, and nothing else. */
  private static Map<String, String> database() {
    Map<String, String> environment = new HashMap<>();
    environment.put("DB_PORT", ItConfig.get("it.db.port"));
    return environment;
  }

  /**
   * The application's refusals as the server logged them, once the application has failed to start:
   * the configuration's (one line naming every setting) and the data keys' (the billing module's
   * start).
   */
  private static String refusal(PeerServer peer) throws IOException {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(peer.messages())
                    .as("the refusal in the peer's messages.log")
                    .contains(REFUSAL)
                    .contains("CWWKZ0002E"));
    return peer.messages()
        .lines()
        .filter(l -> l.contains(REFUSAL))
        .map(l -> l.substring(l.indexOf(REFUSAL)))
        .distinct()
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** An AES-256 key (Tink's serialised AesGcmKey: version 0, 32 bytes) that seals nothing here. */
  private static String otherKey() {
    byte[] key = new byte[34];
    key[0] = 0x1a; // field 3 (key_value), length-delimited
    key[1] = 32;
    for (int i = 2; i < 34; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return Base64.getEncoder().encodeToString(key);
  }

  /** The refused application never becomes ready and serves none of its endpoints. */
  private static void assertNeverServes(PeerServer peer) throws IOException {
    Http http = peer.http();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> peer.messages().contains("CWWKZ0002E"));
    for (int i = 0; i < 6; i++) {
      assertThat(http.get("/health/ready", null).statusCode()).isNotEqualTo(200);
      sleep(Duration.ofMillis(500));
    }
    assertThat(http.get("/billing/plans", null).statusCode()).isEqualTo(404);
    assertThat(http.get("/dev/token?role=admin", null).statusCode()).isEqualTo(404);
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(
            nic -> {
              try {
                return nic.isUp() && !nic.isLoopback();
              } catch (SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  private static KeyPair rsaKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
