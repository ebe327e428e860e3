package com.acme.billing.overage;

import com.acme.billing.api.InvalidOverageException;
import com.acme.billing.api.Overage;
import com.acme.billing.audit.AuditLog;
import com.acme.billing.entitlement.CustomerStates;
import com.acme.billing.plan.Resource;
import com.acme.billing.plan.Tier;
import com.acme.billing.usage.UsageLines;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overage settings as the API reads and changes them. */
@Stateless
public class OverageService implements Overage {

  /** The resources that can have top-ups (projects cannot). */
  static final List<Resource> METERED =
      List.of(Resource.BUILD_HOURS, Resource.STORAGE_GB, Resource.AI_EMBEDDINGS);

  @Inject OverageStore store;
  @Inject UsageLines usageLines;
  @Inject CustomerStates states;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Override
  public OverageSettings settings(String customerId) {
    Instant now = clock.instant();
    UsageLines.Context context = usageLines.context(states.state(customerId), now);
    Map<String, OverageTerms> terms = new LinkedHashMap<>();
    METERED.forEach(r -> terms.put(r.id(), OverageTerms.NONE));
    store.settings(customerId).forEach(s -> terms.put(s.resource(), store.terms(s)));
    List<TopUp> month = store.ofPeriod(customerId, context.monthStart());
    Map<String, ResourceOverage> resources = new LinkedHashMap<>();
    for (Resource r : METERED) {
      List<TopUp> bought =
          month.stream().filter(t -> t.resource().equals(r.id()) && t.counts()).toList();
      resources.put(
          r.id(),
          new ResourceOverage(
              terms.get(r.id()).enabled(),
              terms.get(r.id()).monthlyCapCents(),
              bought.stream().mapToLong(TopUp::amount).sum(),
              bought.size(),
              bought.stream().mapToLong(TopUp::quantity).sum(),
              pack(context.tier(), r)));
    }
    return new OverageSettings(customerId, context.monthStart(), resources);
  }

  @Override
  public OverageSettings change(String customerId, Map<String, Change> changes, String actor) {
    Instant now = clock.instant();
    changes.forEach(
        (id, change) -> {
          Resource resource =
              Resource.byId(id)
                  .filter(METERED::contains)
                  .orElseThrow(
                      () ->
                          new InvalidOverageException(
                              "resources." + id,
                              "top-ups exist for build_hours, storage_gb and ai_embeddings only"));
          if (change == null) {
            throw new InvalidOverageException("resources." + id, "resources." + id + " is null");
          }
          if (change.monthlyCapCents() != null && change.monthlyCapCents() < 0) {
            throw new InvalidOverageException(
                "resources." + id + ".monthlyCapCents", "monthlyCapCents must be 0 or more");
          }
          OverageSetting setting = store.forChange(customerId, resource.id());
          OverageTerms before = store.terms(setting);
          OverageTerms after =
              new OverageTerms(
                  change.enabled() == null ? before.enabled() : change.enabled(),
                  change.monthlyCapCents() == null
                      ? before.monthlyCapCents()
                      : change.monthlyCapCents());
          store.change(setting, after, actor, now);
          // The audit names what changed, not the values: the terms are kept sealed (decision
          // 0016).
          audit.record(
              actor,
              customerId,
              "overage_setting_changed",
              null,
              "{\"resource\":\"%s\",\"enabledChanged\":%s,\"capChanged\":%s}"
                  .formatted(
                      resource.id(),
                      before.enabled() != after.enabled(),
                      before.monthlyCapCents() != after.monthlyCapCents()),
              now);
        });
    return settings(customerId);
  }

  private static Pack pack(Tier tier, Resource resource) {
    return tier.topUp(resource).map(p -> new Pack(p.size(), p.price())).orElse(null);
  }
}
