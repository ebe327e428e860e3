package com.acme.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.DatabaseProxy;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.ItConfig;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class HealthIT {

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @AfterEach
  void reopenDatabase() throws Exception {
    IntegrationTestSession.databaseProxy().open();
    awaitReady();
  }

  @Test
  void liveReadyAndStartedAreUpWithTheDatabaseReachable() {
    awaitReady();
    for (String probe : new String[] {"live", "ready", "started"}) {
      HttpResponse<String> response = http.get("/health/" + probe, null);
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(Http.json(response).getString("status")).isEqualTo("UP");
    }
    // The test server takes money through the real adapter (against the Stripe stand-in), with
    // its key, webhook secrets and every price configured.
    JsonObject payments = Http.healthCheck(Http.json(http.get("/health/ready", null)), "payments");
    assertThat(payments.getString("status")).isEqualTo("UP");
    assertThat(payments.getJsonObject("data").getString("mode")).isEqualTo("stripe");
    assertThat(payments.getJsonObject("data").containsKey("missing")).isFalse();

    // Each probe is in the access log: request line, status, bytes and the latency in us.
    Path accessLog =
        ItConfig.wlpDir()
            .resolve("usr/servers")
            .resolve(ItConfig.get("it.server.name"))
            .resolve("logs/http_access.log");
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(Files.readAllLines(accessLog))
                    .anyMatch(
                        line ->
                            line.matches(".*\"GET /health/started HTTP/[0-9.]+\" 200 \\d+ \\d+$")));
  }

  @Test
  void readinessGoesDownWithinFiveSecondsWhenTheDatabaseHangsAndRecoversWithoutRestart()
      throws Exception {
    awaitReady();
    DatabaseProxy proxy = IntegrationTestSession.databaseProxy();
    proxy.freeze();

    long started = System.nanoTime();
    HttpResponse<String> ready = http.get("/health/ready", null);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(tookMillis).as("readiness answer time").isLessThan(5_000);
    JsonObject database = Http.healthCheck(Http.json(ready), "database");
    assertThat(database.getString("status")).isEqualTo("DOWN");
    assertThat(database.getJsonObject("data").getString("database")).isNotBlank();
    assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);

    proxy.open();
    awaitReady();
  }

  @Test
  void readinessGoesDownWhenTheDatabaseRefusesConnectionsAndComesBack() throws Exception {
    awaitReady();
    DatabaseProxy proxy = IntegrationTestSession.databaseProxy();
    proxy.shut();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(503));
    JsonObject down = Http.json(http.get("/health/ready", null));
    assertThat(Http.healthCheck(down, "database").getJsonObject("data").getString("database"))
        .contains("unreachable");

    proxy.open();
    awaitReady();
  }

  private void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200));
  }
}
