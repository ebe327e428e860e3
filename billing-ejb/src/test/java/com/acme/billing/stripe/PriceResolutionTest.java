package com.acme.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.plan.PlanCatalogs;
import com.acme.billing.stripe.PriceCatalog.TierPeriod;
import com.acme.billing.subscription.StripeSubscriptionState;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.net.ApiResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which tier and period a Stripe price stands for (issue 18, case 7). */
class PriceResolutionTest {

  private PriceCatalog catalog;

  @BeforeEach
  void catalog() {
    catalog = new PriceCatalog();
    catalog.plans = PlanCatalogs.shipped();
    catalog.config =
        new MapConfig(
            Map.of(
                "stripe.pro.monthly.price-id", "price_pro_monthly_v2",
                "stripe.pro.monthly.price-ids", " price_pro_monthly_v1 , ,price_pro_monthly_v0",
                "stripe.pro.yearly.price-id", "price_pro_yearly",
                "stripe.starter.monthly.price-id", "price_starter_monthly",
                "stripe.free.monthly.price-id", "price_free_monthly"));
  }

  @Test
  void theSingleConfiguredIdResolves() {
    assertThat(catalog.resolve(price("price_pro_yearly", "year", null, null)))
        .contains(new TierPeriod("PRO", "yearly"));
    assertThat(catalog.resolve(price("price_pro_monthly_v2", "month", null, null)))
        .contains(new TierPeriod("PRO", "monthly"));
  }

  @Test
  void aRotatedOldIdFromTheListStillMapsButTheSellingPriceStaysTheSingleOne() {
    assertThat(catalog.resolve(price("price_pro_monthly_v1", "month", null, null)))
        .contains(new TierPeriod("PRO", "monthly"));
    assertThat(catalog.byPriceId("price_pro_monthly_v0"))
        .contains(new TierPeriod("PRO", "monthly"));
    assertThat(catalog.priceId("PRO", "monthly")).contains("price_pro_monthly_v2");
    assertThat(catalog.mappedPriceIds("PRO", "monthly"))
        .containsExactly("price_pro_monthly_v2", "price_pro_monthly_v1", "price_pro_monthly_v0");
  }

  @Test
  void aConfiguredIdWinsOverTheLookupKey() {
    assertThat(catalog.resolve(price("price_starter_monthly", "month", "scale_yearly", null)))
        .contains(new TierPeriod("STARTER", "monthly"));
  }

  @Test
  void theLookupKeyTierUnderscorePeriodResolvesCaseInsensitively() {
    assertThat(catalog.resolve(price("price_new_1", "month", "scale_monthly", null)))
        .contains(new TierPeriod("SCALE", "monthly"));
    assertThat(catalog.resolve(price("price_new_2", "year", "Starter_YEARLY", null)))
        .contains(new TierPeriod("STARTER", "yearly"));
  }

  @Test
  void anExpandedProductsMetadataTierResolvesWithThePeriodOfTheInterval() {
    assertThat(catalog.resolve(price("price_new_3", "year", null, "SCALE")))
        .contains(new TierPeriod("SCALE", "yearly"));
    assertThat(catalog.resolve(price("price_new_4", "month", "not_a_tier_key", "pro")))
        .contains(new TierPeriod("PRO", "monthly"));
  }

  @Test
  void aMetadataTierWithoutAMonthlyOrYearlyIntervalIsUnknown() {
    Price quarterly = price("price_new_5", "month", null, "PRO");
    quarterly.getRecurring().setIntervalCount(3L);
    assertThat(catalog.resolve(quarterly)).isEmpty();
    assertThat(catalog.resolve(price("price_new_6", "week", null, "PRO"))).isEmpty();
  }

  @Test
  void anUnknownPriceIsEmptyNotAnError() {
    Price fixture = price("price_unknown", "month", null, null);
    assertThat(fixture.getProduct()).isEqualTo("prod_QXg1hqf4jFNsqG");
    assertThat(fixture.getProductObject()).isNull();
    assertThat(catalog.resolve(fixture)).isEmpty();
    assertThat(catalog.resolve(price("price_unknown", "month", "pro_weekly", null))).isEmpty();
    assertThat(catalog.resolve(price("price_unknown", "month", "monthly", null))).isEmpty();
    assertThat(catalog.resolve(null)).isEmpty();
  }

  @Test
  void anUnknownTierInMetadataOrLookupKeyIsEmpty() {
    assertThat(catalog.resolve(price("price_x", "month", null, "ENTERPRISE"))).isEmpty();
    assertThat(catalog.resolve(price("price_x", "month", "enterprise_monthly", null))).isEmpty();
  }

  @Test
  void freeIsNeverResolved() {
    assertThat(catalog.resolve(price("price_free_monthly", "month", null, null))).isEmpty();
    assertThat(catalog.resolve(price("price_x", "month", "free_monthly", null))).isEmpty();
    assertThat(catalog.resolve(price("price_x", "month", null, "FREE"))).isEmpty();
  }

  @Test
  void theReaderGivesFreeAndNamesTheUnknownPriceInsteadOfThrowing() {
    StripeSubscriptionReader reader = new StripeSubscriptionReader();
    reader.prices = catalog;

    StripeSubscriptionState unknown = reader.state(subscription("price_unknown"), false);
    assertThat(unknown.tierId()).isEqualTo("FREE");
    assertThat(unknown.billingPeriod()).isEqualTo("monthly");
    assertThat(unknown.unknownPriceId()).isEqualTo("price_unknown");

    StripeSubscriptionState known = reader.state(subscription("price_pro_monthly_v1"), false);
    assertThat(known.tierId()).isEqualTo("PRO");
    assertThat(known.billingPeriod()).isEqualTo("monthly");
    assertThat(known.unknownPriceId()).isNull();
  }

  /** fixtures3.json's price with this id, interval, lookup key and (expanded) product tier. */
  private static Price price(String id, String interval, String lookupKey, String productTier) {
    return ApiResource.GSON.fromJson(priceJson(id, interval, lookupKey, productTier), Price.class);
  }

  private static JsonObject priceJson(
      String id, String interval, String lookupKey, String productTier) {
    JsonObject price = JsonParser.parseString(fixture("price")).getAsJsonObject();
    price.addProperty("id", id);
    price.getAsJsonObject("recurring").addProperty("interval", interval);
    price.addProperty("lookup_key", lookupKey);
    if (productTier != null) {
      JsonObject product = JsonParser.parseString(fixture("product")).getAsJsonObject();
      product.getAsJsonObject("metadata").addProperty(PriceCatalog.TIER_METADATA, productTier);
      price.add("product", product);
    }
    return price;
  }

  private static Subscription subscription(String priceId) {
    JsonObject sub = JsonParser.parseString(fixture("subscription")).getAsJsonObject();
    JsonObject item = sub.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
    item.add("price", priceJson(priceId, "month", null, null));
    return ApiResource.GSON.fromJson(sub, Subscription.class);
  }

  private static String fixture(String name) {
    try (InputStream in =
        PriceResolutionTest.class.getResourceAsStream("/stripe/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
