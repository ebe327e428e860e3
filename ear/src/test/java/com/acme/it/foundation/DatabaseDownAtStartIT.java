package com.acme.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.Database;
import com.acme.it.support.DatabaseProxy;
import com.acme.it.support.Http;
import com.acme.it.support.ItConfig;
import com.acme.it.support.PeerServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server started while its database is unreachable starts anyway, reports not-ready with the
 * reason, and becomes ready by itself once the database answers: no restart.
 */
class DatabaseDownAtStartIT {

  @Test
  void serverStartedWithTheDatabaseDownMigratesAndBecomesReadyOnceItAnswers() throws Exception {
    // A port of this run's own: a fixed one would meet another worktree's run of this test.
    int proxyPort = freePort();
    DatabaseProxy proxy =
        new DatabaseProxy(proxyPort, ItConfig.get("it.db.host"), ItConfig.integer("it.db.port"));
    try (proxy;
        PeerServer peer = new PeerServer().start(Map.of("DB_PORT", String.valueOf(proxyPort)))) {
      Http http = peer.http();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () -> assertThat(http.get("/health/started", null).statusCode()).isEqualTo(200));
      assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);
      var notReady = http.get("/health/ready", null);
      assertThat(notReady.statusCode()).isEqualTo(503);
      JsonObject data = Http.healthCheck(Http.json(notReady), "database").getJsonObject("data");
      assertThat(data.getString("database")).contains("unreachable");

      proxy.open();

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200));
      // Ready means both modules' migrations ran on this server once the database answered.
      assertThat(
              Database.queryLong(
                  "select count(*) from billing.flyway_schema_history where success"))
          .isPositive();
      assertThat(
              Database.queryLong("select count(*) from flags.flyway_schema_history where success"))
          .isPositive();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
