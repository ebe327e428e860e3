package com.acme.billing.subscription;

import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which of a customer's subscriptions decides its access now ({@link SubscriptionRules#effective})
 * and what a state grants ({@link AccessRule}, with the configured grace period).
 */
@ApplicationScoped
public class DecidingSubscription {

  @EJB Plans plans;

  @Inject
  @ConfigProperty(name = "billing.past-due.grace-period", defaultValue = "P7D")
  Duration gracePeriod;

  private AccessRule rule;

  @PostConstruct
  void init() {
    rule = new AccessRule(plans.free().id(), gracePeriod);
  }

  public AccessRule rule() {
    return rule;
  }

  public MirrorState of(List<MirrorState> subscriptions, Instant now) {
    return SubscriptionRules.effective(
        subscriptions, rule, tierId -> plans.find(tierId).map(Tier::rank).orElse(0), now);
  }
}
