package com.acme.it.foundation;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input of every kind gets a 4xx problem+json answer, never a 500 or a stack trace. */
@ExtendWith(ArquillianExtension.class)
class ErrorsIT {

  private static final String CHECK = "/billing/check-feature-access";
  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void unknownPathsAre404() {
    assertProblem(http.get("/billing/nothing-here", Tokens.admin()), 404, "not-found");
    assertProblem(http.post("/billing/nothing-here", Tokens.admin(), "{}"), 404, "not-found");
    assertProblem(http.get("/flags/nothing/here/either", Tokens.admin()), 404, "not-found");
  }

  @Test
  void aWrongMethodIs405WithTheAllowHeader() {
    HttpResponse<String> response =
        http.send("DELETE", "/billing/plans", Tokens.admin(), Map.of(), null);
    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(v -> assertThat(v).contains("GET"));
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(
        http.post(CHECK, Tokens.service(), "{\"customerId\": "), 400, "malformed-request-body");
    assertProblem(http.post(CHECK, Tokens.service(), "[1, 2]"), 400, "malformed-request-body");
    assertProblem(http.post(CHECK, Tokens.service(), ""), 400, "malformed-request-body");
  }

  @Test
  void failedValidationIs400ListingTheFields() {
    JsonObject problem =
        assertProblem(
            http.post(CHECK, Tokens.service(), "{\"customerId\": \"bad id!\"}"),
            400,
            "validation-failed");
    assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .containsExactlyInAnyOrder("customerId", "feature");
  }

  @Test
  void aBodyOverTheConfiguredSizeIs413() {
    String big = "{\"customerId\":\"c1\",\"feature\":\"" + "a".repeat(70_000) + "\"}";
    assertProblem(http.post(CHECK, Tokens.service(), big), 413, "payload-too-large");
  }

  @Test
  void anUnsupportedMediaTypeIs415() {
    HttpResponse<String> response =
        http.send(
            "POST", CHECK, Tokens.service(), Map.of("Content-Type", "text/plain"), "customerId=c1");
    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void missingOrWrongIdentityIs401And403AsProblems() {
    assertProblem(http.post(CHECK, null, "{}"), 401, "unauthorized");
    assertProblem(
        http.post("/billing/usage", Tokens.customer("c1"), "{\"customerId\":\"c1\"}"),
        403,
        "forbidden");
  }
}
