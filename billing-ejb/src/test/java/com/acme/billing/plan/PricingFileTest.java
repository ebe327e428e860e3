package com.acme.billing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingFileTest {

  private static List<Tier> shipped() {
    return PricingFile.read(
        PricingFileTest.class.getClassLoader().getResourceAsStream("pricing.json"));
  }

  @Test
  void shippedPricingHasTheFourTiersWithDesignPricesAndLimits() {
    List<Tier> tiers = shipped();
    assertThat(tiers).extracting(Tier::id).containsExactly("FREE", "STARTER", "PRO", "SCALE");
    Tier pro = tiers.get(2);
    assertThat(pro.monthly().amount()).isEqualTo(6000);
    assertThat(pro.yearly().amount()).isEqualTo(60000);
    assertThat(pro.monthly().currency()).isEqualTo("usd");
    assertThat(pro.limit(Resource.PROJECTS)).isEqualTo(3);
    assertThat(pro.limit(Resource.BUILD_HOURS)).isEqualTo(150);
    assertThat(pro.limit(Resource.STORAGE_GB)).isEqualTo(50);
    assertThat(tiers.get(3).limit(Resource.BUILD_HOURS)).isEqualTo(500);
    assertThat(tiers.get(0).limit(Resource.BUILD_HOURS)).isEqualTo(5);
    assertThat(tiers.get(1).limit(Resource.STORAGE_GB)).isEqualTo(10);
  }

  @Test
  void higherTiersIncludeEveryLowerTiersFeatures() {
    List<Tier> tiers = shipped();
    assertThat(tiers.get(0).features()).containsExactly("basic_features", "community_support");
    assertThat(tiers.get(2).features())
        .contains("basic_features", "core_agents", "advanced_agents", "autoscale")
        .doesNotContain("growth_agents");
    assertThat(tiers.get(3).features()).hasSize(11).contains("isolated_db", "community_support");
  }

  @Test
  void yearlyIsTenMonthsAboutSeventeenPercentOff() {
    for (Tier tier : shipped().subList(1, 4)) {
      assertThat(tier.yearly().amount()).isEqualTo(tier.monthly().amount() * 10);
      assertThat(tier.yearlySavingPercent()).isEqualTo(17);
    }
    assertThat(shipped().get(0).yearlySavingPercent()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"tiers\": []} | currency",
        "{\"currency\": \"usd\", \"tiers\": []} | tiers must list at least one tier",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0}, \"limits\": {}, \"features\": []}]} | tiers[0].prices.yearly",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": -5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}]} | tiers[0].limits.build_hours",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1, \"gpus\": 1}, \"features\": []}]} | tiers[0].limits.gpus",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [\"Basic Features\"]}]} | tiers[0].features[0]",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}]} | tiers[0] must be FREE",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {}, \"features\": []}]} | tiers[0].name",
        "not json | not a JSON object",
      })
  void brokenPricingIsRefusedNamingTheField(String json, String named) {
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> PricingFile.read(in))
        .isInstanceOf(InvalidPricingException.class)
        .hasMessageStartingWith("pricing.json: ")
        .hasMessageContaining(named);
  }
}
