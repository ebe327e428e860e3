package com.acme.flags.service;

import com.acme.flags.api.BillingPath;
import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Environments;
import com.acme.flags.api.FeatureFlags;
import com.acme.flags.api.FlagDefinition;
import com.acme.flags.store.FlagRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Creates {@code billing_v2} at start-up when it is missing, from configuration: {@code
 * flags.billing-v2.seed.<environment>.enabled} and {@code ...rollout-percentage}. The defaults are
 * the production-safe "disabled, 0 %" except in {@code development}, where the embedded default run
 * starts enabled at 100 % so a new user can try checkout at once.
 */
@Stateless
public class BillingV2Seeder {

  static final String SEEDED_BY = "system:seed";

  @EJB FeatureFlags flags;
  @Inject FlagRepository repository;
  @Inject Config config;

  /**
   * @return whether it created the flag
   */
  public boolean seedIfMissing() {
    if (repository.find(BillingPath.FLAG_KEY).isPresent()) {
      return false;
    }
    Map<String, EnvironmentState> states = new LinkedHashMap<>();
    for (String env : Environments.ALL) {
      boolean development = Environments.DEVELOPMENT.equals(env);
      String prefix = "flags.billing-v2.seed." + env + ".";
      boolean enabled =
          config.getOptionalValue(prefix + "enabled", Boolean.class).orElse(development);
      int percentage =
          config
              .getOptionalValue(prefix + "rollout-percentage", Integer.class)
              .orElse(development ? 100 : 0);
      states.put(env, new EnvironmentState(enabled, percentage));
    }
    flags.create(
        new FlagDefinition(
            BillingPath.FLAG_KEY,
            "New billing path (Stripe Checkout, Customer Portal, plan changes); off means legacy",
            states),
        SEEDED_BY);
    return true;
  }
}
