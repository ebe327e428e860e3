package com.acme.it.billing;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class PlansIT {

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void planListIsPublicAndShowsPricesLimitsFeaturesAndUpgrades() {
    HttpResponse<String> response = http.get("/billing/plans", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray plans = Http.json(response).getJsonArray("plans");
    assertThat(plans.getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("id"))
        .containsExactly("FREE", "STARTER", "PRO", "SCALE");

    JsonObject pro = plans.getJsonObject(2);
    assertThat(pro.getString("name")).isEqualTo("Pro");
    JsonObject monthly = pro.getJsonObject("prices").getJsonObject("monthly");
    assertThat(monthly.getInt("amount")).isEqualTo(6000);
    assertThat(monthly.getString("currency")).isEqualTo("usd");
    assertThat(pro.getJsonObject("prices").getJsonObject("yearly").getInt("amount"))
        .isEqualTo(60000);
    assertThat(pro.getInt("yearlySavingPercent")).isEqualTo(17);
    JsonObject limits = pro.getJsonObject("limits");
    assertThat(limits.getInt("projects")).isEqualTo(3);
    assertThat(limits.getInt("build_hours")).isEqualTo(150);
    assertThat(limits.getInt("storage_gb")).isEqualTo(50);
    assertThat(limits.containsKey("ai_embeddings")).isTrue();
    assertThat(pro.getJsonArray("features").getValuesAs(JsonString::getString))
        .contains(
            "basic_features", "core_agents", "advanced_agents", "autoscale", "priority_support")
        .doesNotContain("growth_agents");
    assertThat(pro.getJsonArray("upgradeOptions").getValuesAs(JsonString::getString))
        .containsExactly("SCALE");
    assertThat(
            plans
                .getJsonObject(0)
                .getJsonArray("upgradeOptions")
                .getValuesAs(JsonString::getString))
        .containsExactly("STARTER", "PRO", "SCALE");
    assertThat(plans.getJsonObject(0).getJsonObject("limits").getInt("build_hours")).isEqualTo(5);
  }

  @Test
  void fromNarrowsThePlansToTheUpgradePath() {
    JsonArray plans = Http.json(http.get("/billing/plans?from=PRO", null)).getJsonArray("plans");
    assertThat(plans.getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("id"))
        .containsExactly("PRO", "SCALE");
  }

  @Test
  void anUnknownFromTierIsAProblemListingTheKnownOnes() {
    JsonObject problem =
        assertProblem(http.get("/billing/plans?from=GOLD", null), 400, "unknown-tier");
    assertThat(problem.getJsonArray("knownTiers").getValuesAs(JsonString::getString))
        .containsExactly("FREE", "STARTER", "PRO", "SCALE");
  }
}
