package com.acme.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.UsageReport;
import com.acme.billing.entitlement.CustomerStates;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.PricingFile;
import com.acme.billing.plan.Resource;
import com.acme.billing.plan.Tier;
import com.acme.billing.subscription.AccessRule;
import com.acme.billing.subscription.MirrorState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code check-usage-limits} for a FREE customer (1 project, 5 build hours, 1 GB, 1000 embeddings),
 * with the usage counters, mirror and plans stubbed.
 */
class UsageCheckTest {

  private final Map<Resource, Long> used = new EnumMap<>(Resource.class);
  private final UsageService service = new UsageService();

  UsageCheckTest() {
    for (Resource r : Resource.values()) {
      used.put(r, 0L);
    }
    List<Tier> tiers =
        PricingFile.read(UsageCheckTest.class.getClassLoader().getResourceAsStream("pricing.json"));
    UsageLines lines = new UsageLines();
    lines.counters =
        new UsageCounters() {
          @Override
          public Map<Resource, Long> usedAll(String customerId, Instant monthStart) {
            return new EnumMap<>(used);
          }
        };
    lines.states =
        new CustomerStates() {
          @Override
          public MirrorState state(String customerId) {
            return MirrorState.NONE;
          }

          @Override
          public AccessRule rule() {
            return new AccessRule("FREE", Duration.ofDays(7));
          }
        };
    lines.plans =
        new Plans() {
          @Override
          public Tier tier(String id) {
            return tiers.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
          }
        };
    service.usageLines = lines;
    service.states = lines.states;
    service.clock = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC);
  }

  @Test
  void withoutAnAmountOneMoreUnitMustFit() {
    used.put(Resource.BUILD_HOURS, 4L);
    UsageReport report = service.check("c1", Map.of());
    assertThat(report.allowed()).isTrue();
    assertThat(report.blockedBy()).isEmpty();
  }

  @Test
  void withoutAnAmountExactlyAtTheLimitIsRefused() {
    used.put(Resource.BUILD_HOURS, 5L);
    UsageReport report = service.check("c1", Map.of());
    assertThat(report.allowed()).isFalse();
    assertThat(report.blockedBy()).containsExactly("build_hours");
    assertThat(report.resources().get("build_hours").level()).isEqualTo("critical");
  }

  @Test
  void withoutAnAmountEveryResourceAtOrAboveItsLimitBlocks() {
    used.put(Resource.PROJECTS, 1L);
    used.put(Resource.AI_EMBEDDINGS, 1200L);
    UsageReport report = service.check("c1", Map.of());
    assertThat(report.allowed()).isFalse();
    assertThat(report.blockedBy()).containsExactlyInAnyOrder("projects", "ai_embeddings");
  }

  @Test
  void anAmountThatExactlyReachesTheLimitFits() {
    used.put(Resource.BUILD_HOURS, 3L);
    UsageReport report = service.check("c1", Map.of("build_hours", 2L));
    assertThat(report.allowed()).isTrue();
    assertThat(report.blockedBy()).isEmpty();
  }

  @Test
  void anAmountThatPassesTheLimitIsRefused() {
    used.put(Resource.BUILD_HOURS, 4L);
    UsageReport report = service.check("c1", Map.of("build_hours", 2L));
    assertThat(report.allowed()).isFalse();
    assertThat(report.blockedBy()).containsExactly("build_hours");
  }

  @Test
  void withAmountsOnlyTheAskedResourcesDecide() {
    used.put(Resource.PROJECTS, 1L); // at its limit, but not asked about
    UsageReport report = service.check("c1", Map.of("build_hours", 1L));
    assertThat(report.allowed()).isTrue();
    assertThat(report.blockedBy()).isEmpty();
  }

  @Test
  void anAmountOfZeroAboveTheLimitIsRefused() {
    used.put(Resource.PROJECTS, 3L); // above FREE's 1 after a downgrade
    UsageReport report = service.check("c1", Map.of("projects", 0L));
    assertThat(report.allowed()).isFalse();
    assertThat(report.blockedBy()).containsExactly("projects");
    assertThat(service.check("c1", Map.of("build_hours", 0L)).allowed()).isTrue();
  }
}
