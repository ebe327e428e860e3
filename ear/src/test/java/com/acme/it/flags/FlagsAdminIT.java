package com.acme.it.flags;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingV2SeedRestored;
import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith({ArquillianExtension.class, BillingV2SeedRestored.class})
class FlagsAdminIT {

  private final Http http = Http.testServer();
  private final FlagsApi flags = FlagsApi.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void billingV2IsSeededAndAnyAuthenticatedCallerReadsFlags() {
    HttpResponse<String> flag = http.get("/flags/billing_v2", Tokens.customer("c_read"));
    assertThat(flag.statusCode()).isEqualTo(200);
    assertThat(flag.headers().firstValue("ETag")).isPresent();
    JsonObject development =
        Http.json(flag).getJsonObject("environments").getJsonObject("development");
    assertThat(development.getBoolean("enabled")).isTrue();
    assertThat(development.getInt("rolloutPercentage")).isEqualTo(100);
    JsonObject production =
        Http.json(flag).getJsonObject("environments").getJsonObject("production");
    assertThat(production.getBoolean("enabled")).isFalse();
    assertThat(production.getInt("rolloutPercentage")).isZero();
    assertThat(Http.json(http.get("/flags", Tokens.service())).getJsonArray("flags")).isNotEmpty();
    assertProblem(http.get("/flags", null), 401, "unauthorized");
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    HttpResponse<String> read = flags.get(FlagsApi.BILLING_V2);
    String etag = read.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> first =
        flags.patch(FlagsApi.BILLING_V2, "{\"rolloutPercentage\":40}", etag, Tokens.admin());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

    assertProblem(
        flags.patch(FlagsApi.BILLING_V2, "{\"rolloutPercentage\":70}", etag, Tokens.admin()),
        412,
        "stale-flag-version");
    JsonObject now = Http.json(flags.get(FlagsApi.BILLING_V2));
    assertThat(
            now.getJsonObject("environments")
                .getJsonObject("development")
                .getInt("rolloutPercentage"))
        .isEqualTo(40);

    // Without If-Match the change is applied.
    assertThat(
            flags
                .patch(FlagsApi.BILLING_V2, "{\"rolloutPercentage\":70}", null, Tokens.admin())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void patchChangesTheNamedEnvironmentOnly() {
    JsonObject patched =
        Http.json(
            flags.patch(
                FlagsApi.BILLING_V2,
                "{\"enabled\":true,\"rolloutPercentage\":5,\"environment\":\"staging\"}",
                null,
                Tokens.admin()));
    assertThat(
            patched
                .getJsonObject("environments")
                .getJsonObject("staging")
                .getInt("rolloutPercentage"))
        .isEqualTo(5);
    assertThat(
            patched
                .getJsonObject("environments")
                .getJsonObject("development")
                .getInt("rolloutPercentage"))
        .isEqualTo(100);
    flags.patch(
        FlagsApi.BILLING_V2,
        "{\"enabled\":false,\"rolloutPercentage\":0,\"environment\":\"staging\"}",
        null,
        Tokens.admin());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"rolloutPercentage\":101}",
        "{\"rolloutPercentage\":-1}",
        "{\"enabled\":true,\"environment\":\"moon\"}",
        "{\"enabled\":\"yes\"}",
        "{\"rolloutPercentage\":\"ten\"}",
        "{\"enabled\":true,\"colour\":\"red\"}",
        "{}",
        "not json",
      })
  void invalidChangesAre400AndChangeNothing(String body) {
    String before = flags.get(FlagsApi.BILLING_V2).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> response = flags.patch(FlagsApi.BILLING_V2, body, null, Tokens.admin());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(flags.get(FlagsApi.BILLING_V2).headers().firstValue("ETag").orElseThrow())
        .isEqualTo(before);
  }

  @Test
  void aReplaceWithAnUnknownEnvironmentIs400AndLeavesEveryStateAsItWas() {
    HttpResponse<String> before = flags.get(FlagsApi.BILLING_V2);
    HttpResponse<String> refused =
        http.send(
            "PUT",
            "/flags/billing_v2",
            Tokens.admin(),
            Map.of("Content-Type", "application/json"),
            "{\"environments\":{\"prod\":{\"enabled\":false,\"rolloutPercentage\":0}}}");
    assertProblem(refused, 400, "invalid-flag");
    HttpResponse<String> after = flags.get(FlagsApi.BILLING_V2);
    assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
    assertThat(Http.json(after).getJsonObject("environments"))
        .isEqualTo(Http.json(before).getJsonObject("environments"));
    assertThat(flags.evaluate(FlagsApi.BILLING_V2, "c_after_refused").getBoolean("enabled"))
        .isTrue();
  }

  @Test
  void aHistoryPageBeyondAnyIntegerIs400() {
    assertProblem(
        http.get("/flags/billing_v2/history?page=2147483647&size=100", Tokens.customer("c_h")),
        400,
        "invalid-flag");
  }

  @Test
  void onlyAdminsChangeFlagsAndACustomerEvaluatesOnlyItself() {
    assertProblem(
        flags.patch(FlagsApi.BILLING_V2, "{\"enabled\":false}", null, Tokens.customer("c_x")),
        403,
        "forbidden");
    assertProblem(
        flags.patch(FlagsApi.BILLING_V2, "{\"enabled\":false}", null, Tokens.service()),
        403,
        "forbidden");
    assertThat(
            http.get("/flags/billing_v2/evaluate?subject=c_x", Tokens.customer("c_x")).statusCode())
        .isEqualTo(200);
    assertProblem(
        http.get("/flags/billing_v2/evaluate?subject=c_other", Tokens.customer("c_x")),
        403,
        "forbidden-customer");
  }

  @Test
  void historyListsEveryChangeNewestFirstWithActorEnvironmentBeforeAndAfter() {
    flags.set(FlagsApi.BILLING_V2, true, 33);
    flags.set(FlagsApi.BILLING_V2, true, 34);
    JsonObject history = Http.json(http.get("/flags/billing_v2/history?size=2", Tokens.admin()));
    assertThat(history.getInt("size")).isEqualTo(2);
    assertThat(history.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(3);
    JsonObject newest = history.getJsonArray("items").getJsonObject(0);
    JsonObject older = history.getJsonArray("items").getJsonObject(1);
    assertThat(newest.getJsonNumber("id").longValue())
        .isGreaterThan(older.getJsonNumber("id").longValue());
    assertThat(newest.getString("actor")).isEqualTo("admin-alice");
    assertThat(newest.getString("environment")).isEqualTo("development");
    assertThat(newest.getString("changedAt")).isNotBlank();
    assertThat(
            newest
                .getJsonObject("before")
                .getJsonObject("environments")
                .getJsonObject("development")
                .getInt("rolloutPercentage"))
        .isEqualTo(33);
    assertThat(
            newest
                .getJsonObject("after")
                .getJsonObject("environments")
                .getJsonObject("development")
                .getInt("rolloutPercentage"))
        .isEqualTo(34);
    JsonObject nextPage =
        Http.json(http.get("/flags/billing_v2/history?size=2&page=1", Tokens.admin()));
    assertThat(nextPage.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue())
        .isLessThan(older.getJsonNumber("id").longValue());
    assertProblem(
        http.get("/flags/billing_v2/history?size=1000", Tokens.admin()), 400, "invalid-flag");
  }

  @Test
  void adminsCreateReplaceAndDeleteOtherFlagsButNotBillingV2() {
    String key = "ui_" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        http.post(
            "/flags",
            Tokens.admin(),
            "{\"key\":\""
                + key
                + "\",\"description\":\"New UI\",\"environments\":{\"development\":{\"enabled\":true,\"rolloutPercentage\":10}}}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/flags/" + key));
    assertProblem(
        http.post("/flags", Tokens.admin(), "{\"key\":\"" + key + "\"}"), 409, "flag-exists");
    assertProblem(
        http.post("/flags", Tokens.admin(), "{\"key\":\"Bad Key\"}"), 400, "invalid-flag");

    HttpResponse<String> replaced =
        http.send(
            "PUT",
            "/flags/" + key,
            Tokens.admin(),
            Map.of(
                "Content-Type",
                "application/json",
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow()),
            "{\"description\":\"Renamed\",\"environments\":{\"production\":{\"enabled\":true,\"rolloutPercentage\":1}}}");
    assertThat(replaced.statusCode()).isEqualTo(200);
    JsonObject flag = Http.json(replaced);
    assertThat(flag.getString("description")).isEqualTo("Renamed");
    assertThat(
            flag.getJsonObject("environments").getJsonObject("development").getBoolean("enabled"))
        .isFalse();

    assertThat(http.send("DELETE", "/flags/" + key, Tokens.admin(), Map.of(), null).statusCode())
        .isEqualTo(204);
    assertProblem(http.get("/flags/" + key, Tokens.admin()), 404, "flag-not-found");
    assertProblem(
        http.send("DELETE", "/flags/billing_v2", Tokens.admin(), Map.of(), null),
        409,
        "flag-protected");
  }
}
