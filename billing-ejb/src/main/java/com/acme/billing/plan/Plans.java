package com.acme.billing.plan;

import com.acme.billing.api.Money;
import com.acme.billing.api.PlanView;
import com.acme.billing.api.UnknownFeatureException;
import com.acme.billing.api.UnknownTierException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans, read once from {@code pricing.json} at start-up: a broken file stops the application
 * with a message naming the field. The module's own services use it; other modules see the plans
 * through {@link PlanCatalogService}.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Plans {

  static final String PRICING_FILE = "pricing.json";

  private List<Tier> tiers;
  private List<PlanView> views;

  @PostConstruct
  void load() {
    try (InputStream in = Plans.class.getClassLoader().getResourceAsStream(PRICING_FILE)) {
      tiers = PricingFile.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    views = tiers.stream().map(this::view).toList();
  }

  public List<PlanView> plans() {
    return views;
  }

  /** The plan {@code fromTierId} and the plans it can upgrade to. */
  public List<PlanView> upgradePath(String fromTierId) {
    Tier from = tier(fromTierId);
    return views.subList(from.rank(), views.size());
  }

  public Tier tier(String id) {
    return find(id).orElseThrow(() -> new UnknownTierException(id, tierIds()));
  }

  public Optional<Tier> find(String id) {
    return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Tier free() {
    return tiers.get(0);
  }

  public List<String> tierIds() {
    return tiers.stream().map(Tier::id).toList();
  }

  /** Every feature id of every tier (the highest tier includes them all). */
  public List<String> features() {
    return tiers.get(tiers.size() - 1).features();
  }

  public void requireKnownFeature(String feature) {
    if (!features().contains(feature)) {
      throw new UnknownFeatureException(feature, features());
    }
  }

  private PlanView view(Tier tier) {
    Map<String, Money> prices = new LinkedHashMap<>();
    prices.put("monthly", tier.monthly());
    prices.put("yearly", tier.yearly());
    Map<String, Long> limits = new LinkedHashMap<>();
    tier.limits().forEach((resource, limit) -> limits.put(resource.id(), limit));
    List<String> upgrades =
        tiers.subList(tier.rank() + 1, tiers.size()).stream().map(Tier::id).toList();
    return new PlanView(
        tier.id(),
        tier.name(),
        prices,
        tier.yearlySavingPercent(),
        limits,
        tier.features(),
        upgrades);
  }
}
