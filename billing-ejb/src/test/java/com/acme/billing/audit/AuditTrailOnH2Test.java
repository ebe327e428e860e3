package com.acme.billing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.AuditTrail;
import com.acme.billing.api.AuditTrail.Entry;
import com.acme.billing.api.AuditTrail.Filter;
import com.acme.billing.webhook.BillingH2;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log as admins read it: each filter alone and together, newest first, in pages. */
class AuditTrailOnH2Test {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final BillingH2 db = new BillingH2();

  @BeforeEach
  void fourChanges() {
    record("stripe:evt_1", "cus_a", "subscription.stripe_event", null, "{\"tier\":\"PRO\"}", 0);
    record("cus_a", "cus_a", "overage_setting_changed", null, "{}", 60);
    record("admin", "cus_b", "subscription.admin_correction", "{}", "{}", 120);
    record("cus_a", "cus_a", "overage_setting_changed", null, "{}", 180);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void withoutFiltersEveryEntryComesNewestFirstInPages() {
    AuditTrail.Page first = read(new Filter(null, null, null, null), 0, 3);
    AuditTrail.Page second = read(new Filter(null, null, null, null), 1, 3);

    assertThat(first.total()).isEqualTo(4);
    assertThat(first.items())
        .extracting(Entry::occurredAt)
        .containsExactly(T0.plusSeconds(180), T0.plusSeconds(120), T0.plusSeconds(60));
    assertThat(second.items()).extracting(Entry::occurredAt).containsExactly(T0);
    Entry oldest = second.items().get(0);
    assertThat(oldest.actor()).isEqualTo("stripe:evt_1");
    assertThat(oldest.after()).isEqualTo("{\"tier\":\"PRO\"}");
    assertThat(oldest.before()).isNull();
  }

  @Test
  void customerTypeAndTimeRangeFilterAloneAndTogether() {
    assertThat(read(new Filter("cus_a", null, null, null), 0, 10).total()).isEqualTo(3);
    assertThat(read(new Filter(null, "overage_setting_changed", null, null), 0, 10).total())
        .isEqualTo(2);
    AuditTrail.Page window =
        read(new Filter(null, null, T0.plusSeconds(60), T0.plusSeconds(180)), 0, 10);
    assertThat(window.items())
        .extracting(Entry::occurredAt)
        .containsExactly(T0.plusSeconds(120), T0.plusSeconds(60));
    AuditTrail.Page together =
        read(new Filter("cus_a", "overage_setting_changed", T0.plusSeconds(61), null), 0, 10);
    assertThat(together.items()).extracting(Entry::occurredAt).containsExactly(T0.plusSeconds(180));
    assertThat(read(new Filter("cus_c", null, null, null), 0, 10).items()).isEmpty();
  }

  private void record(
      String actor, String customer, String action, String before, String after, long second) {
    db.run(
        em -> {
          AuditLog log = new AuditLog();
          log.em = em;
          log.record(actor, customer, action, before, after, T0.plusSeconds(second));
        });
  }

  private AuditTrail.Page read(Filter filter, int page, int size) {
    return db.call(
        (EntityManager em) -> {
          AuditTrailService service = new AuditTrailService();
          service.em = em;
          return service.entries(filter, page, size);
        });
  }
}
