package com.acme.it.foundation;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class IdentityIT {

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void whoamiAnswersTheCustomersSubjectIdAndRole() {
    HttpResponse<String> response = http.get("/billing/whoami", Tokens.customer("cust_42"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject me = Http.json(response);
    assertThat(me.getString("subject")).isEqualTo("user-cust_42");
    assertThat(me.getString("customerId")).isEqualTo("cust_42");
    assertThat(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("customer");
  }

  @Test
  void whoamiAnswersServiceAndAdminRoles() {
    assertThat(
            Http.json(http.get("/billing/whoami", Tokens.service()))
                .getJsonArray("roles")
                .getString(0))
        .isEqualTo("service");
    assertThat(
            Http.json(http.get("/billing/whoami", Tokens.admin()))
                .getJsonArray("roles")
                .getString(0))
        .isEqualTo("admin");
  }

  @Test
  void noTokenIsAProblem401WithTheBearerChallenge() {
    HttpResponse<String> response = http.get("/billing/whoami", null);
    assertProblem(response, 401, "unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void garbageExpiredForeignAndBadlySignedTokensAreProblem401() {
    for (String token :
        List.of(
            "not-a-token",
            Tokens.expired("cust_1"),
            Tokens.signedWithAnotherKey("cust_1"),
            Tokens.fromAnotherIssuer("cust_1"))) {
      assertProblem(http.get("/billing/whoami", token), 401, "unauthorized");
    }
  }

  @Test
  void aTokenWithoutAnyKnownRoleIsAProblem403() {
    assertProblem(
        http.get("/billing/whoami", Tokens.withGroups(List.of("guest"), "cust_1")),
        403,
        "forbidden");
  }

  @Test
  void developmentTokenEndpointIsNotOnTheTestServerUnlessDevelopmentProfile() {
    // The test server runs the development profile (the default); its tokens verify.
    HttpResponse<String> issued = http.get("/dev/token?role=admin", null);
    assertThat(issued.statusCode()).isEqualTo(200);
    HttpResponse<String> me = http.get("/billing/whoami", issued.body().trim());
    assertThat(Http.json(me).getJsonArray("roles").getString(0)).isEqualTo("admin");
    assertProblem(http.get("/dev/token?role=root", null), 400, "invalid-parameter");
  }
}
