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

  @Test
  void paidTiersSellTopUpPacksOfTheMeteredResourcesAndFreeSellsNone() {
    List<Tier> tiers = shipped();
    assertThat(tiers.get(0).topUps()).isEmpty();
    Tier starter = tiers.get(1);
    assertThat(starter.topUp(Resource.BUILD_HOURS))
        .contains(new TopUpPack(50, new com.acme.billing.api.Money(1000, "usd")));
    assertThat(tiers.get(2).topUp(Resource.BUILD_HOURS))
        .isEqualTo(starter.topUp(Resource.BUILD_HOURS));
    assertThat(tiers.get(3).topUp(Resource.BUILD_HOURS).orElseThrow().size()).isEqualTo(100);
    for (Tier paid : tiers.subList(1, 4)) {
      assertThat(paid.topUps().keySet())
          .containsExactlyInAnyOrder(
              Resource.BUILD_HOURS, Resource.STORAGE_GB, Resource.AI_EMBEDDINGS);
    }
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
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [], \"topUps\": {\"build_hours\": {\"size\": 5, \"price\": 100}}}, {\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 1, \"yearly\": 10}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}]} | tiers[0].topUps must be absent",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}, {\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 1, \"yearly\": 10}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [], \"topUps\": {\"projects\": {\"size\": 1, \"price\": 100}}}]} | tiers[1].topUps.projects is not allowed",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}, {\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 1, \"yearly\": 10}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [], \"topUps\": {\"gpus\": {\"size\": 1, \"price\": 100}}}]} | tiers[1].topUps.gpus is not a resource",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}, {\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 1, \"yearly\": 10}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [], \"topUps\": {\"build_hours\": {\"size\": 0, \"price\": 100}}}]} | tiers[1].topUps.build_hours.size and .price must be at least 1",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}, {\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 1, \"yearly\": 10}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [], \"topUps\": {\"build_hours\": {\"price\": 100}}}]} | tiers[1].topUps.build_hours.size",
        "{\"currency\": \"usd\", \"tiers\": [{\"id\": \"FREE\", \"name\": \"Free\", \"prices\": {\"monthly\": 0, \"yearly\": 0}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": []}, {\"id\": \"PRO\", \"name\": \"Pro\", \"prices\": {\"monthly\": 1, \"yearly\": 10}, \"limits\": {\"projects\": 1, \"build_hours\": 5, \"storage_gb\": 1, \"ai_embeddings\": 1}, \"features\": [], \"topUps\": {\"build_hours\": 50}}]} | tiers[1].topUps.build_hours must be an object",
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
