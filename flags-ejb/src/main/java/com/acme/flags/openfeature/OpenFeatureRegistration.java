package com.acme.flags.openfeature;

import com.acme.flags.api.FeatureFlags;
import dev.openfeature.sdk.OpenFeatureAPI;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Registers {@link FlagsProvider} with OpenFeature under the domain {@value FlagsProvider#DOMAIN},
 * so that other modules ask for flags through the OpenFeature API.
 */
@Startup
@Singleton
public class OpenFeatureRegistration {

  @EJB FeatureFlags flags;

  @PostConstruct
  void register() {
    OpenFeatureAPI.getInstance().setProviderAndWait(FlagsProvider.DOMAIN, new FlagsProvider(flags));
  }

  @PreDestroy
  void shutdown() {
    OpenFeatureAPI.getInstance().shutdown();
  }
}
