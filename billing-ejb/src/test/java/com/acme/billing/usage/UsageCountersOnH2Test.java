package com.acme.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.billing.api.UsageLimitExceededException;
import com.acme.billing.plan.Resource;
import com.acme.billing.usage.UsageCounters.StoredRecord;
import com.acme.billing.webhook.BillingH2;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The usage counters and records on H2: native writes, JPA reads. */
class UsageCountersOnH2Test {

  private static final Instant MONTH = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant LAST_MONTH = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aRecordWithinTheLimitIsCountedAndReadBackByItsIdempotencyKey() {
    consume("cust_1", Resource.BUILD_HOURS, MONTH, 3, 10, "job-1");
    consume("cust_1", Resource.BUILD_HOURS, MONTH, 4, 10, "job-2");

    assertThat(db.<Long>call(em -> counters(em).used("cust_1", Resource.BUILD_HOURS, MONTH)))
        .isEqualTo(7);
    assertThat(db.<Optional<StoredRecord>>call(em -> counters(em).findRecord("cust_1", "job-2")))
        .contains(new StoredRecord("build_hours", "consumed", 4));
    assertThat(db.<Optional<StoredRecord>>call(em -> counters(em).findRecord("cust_1", "job-9")))
        .isEmpty();
  }

  @Test
  void aRecordPastTheLimitIsRefusedAndLeavesNeitherCountNorKey() {
    consume("cust_1", Resource.BUILD_HOURS, MONTH, 8, 10, "job-1");

    Throwable refused =
        catchThrowable(() -> consume("cust_1", Resource.BUILD_HOURS, MONTH, 3, 10, "job-2"));

    assertThat(refused).isInstanceOf(UsageLimitExceededException.class);
    assertThat(db.<Long>call(em -> counters(em).used("cust_1", Resource.BUILD_HOURS, MONTH)))
        .isEqualTo(8);
    assertThat(db.<Optional<StoredRecord>>call(em -> counters(em).findRecord("cust_1", "job-2")))
        .isEmpty();
  }

  @Test
  void usedAllAnswersThisMonthsConsumptionAndTheLevelsAndZeroForTheRest() {
    consume("cust_1", Resource.BUILD_HOURS, LAST_MONTH, 9, 10, "old");
    consume("cust_1", Resource.BUILD_HOURS, MONTH, 2, 10, "new");
    db.run(em -> counters(em).ensureRow("cust_1", Resource.PROJECTS, UsagePeriod.LEVELS));
    db.run(
        em ->
            counters(em)
                .apply(
                    "cust_1",
                    Resource.PROJECTS,
                    UsagePeriod.LEVELS,
                    "level",
                    5,
                    10,
                    true,
                    "projects-1",
                    "svc",
                    NOW));

    var used = db.<Map<Resource, Long>>call(em -> counters(em).usedAll("cust_1", MONTH));

    assertThat(used).containsEntry(Resource.BUILD_HOURS, 2L).containsEntry(Resource.PROJECTS, 5L);
    assertThat(used).hasSize(Resource.values().length);
    assertThat(db.<Map<Resource, Long>>call(em -> counters(em).usedAll("cust_2", MONTH)).values())
        .containsOnly(0L);
  }

  @Test
  void ensuringARowTwiceKeepsItsCount() {
    consume("cust_1", Resource.BUILD_HOURS, MONTH, 3, 10, "job-1");

    db.run(em -> counters(em).ensureRow("cust_1", Resource.BUILD_HOURS, MONTH));

    assertThat(db.<Long>call(em -> counters(em).used("cust_1", Resource.BUILD_HOURS, MONTH)))
        .isEqualTo(3);
  }

  @Test
  void theRecordsOfOneResourceAreReadForATimeRangeInTheOrderRecorded() {
    consumeAt("cust_1", Resource.BUILD_HOURS, 2, "a", Instant.parse("2026-11-30T23:59:59Z"));
    consumeAt("cust_1", Resource.BUILD_HOURS, 3, "b", Instant.parse("2026-12-01T00:00:00Z"));
    consumeAt("cust_1", Resource.BUILD_HOURS, 4, "c", Instant.parse("2026-12-02T12:00:00Z"));
    consumeAt("cust_1", Resource.AI_EMBEDDINGS, 50, "d", Instant.parse("2026-12-02T12:00:00Z"));
    consumeAt("cust_2", Resource.BUILD_HOURS, 9, "e", Instant.parse("2026-12-02T12:00:00Z"));
    consumeAt("cust_1", Resource.BUILD_HOURS, 5, "f", Instant.parse("2026-12-03T00:00:00Z"));

    var entries =
        db.<java.util.List<DailyUsage.Entry>>call(
            em ->
                counters(em)
                    .recordsBetween(
                        "cust_1",
                        Resource.BUILD_HOURS,
                        Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-12-03T00:00:00Z")));

    assertThat(entries)
        .containsExactly(
            new DailyUsage.Entry(Instant.parse("2026-12-01T00:00:00Z"), 3),
            new DailyUsage.Entry(Instant.parse("2026-12-02T12:00:00Z"), 4));
    assertThat(
            db.<Optional<Long>>call(
                em ->
                    counters(em)
                        .lastBefore(
                            "cust_1", Resource.BUILD_HOURS, Instant.parse("2026-12-01T00:00:00Z"))))
        .contains(2L);
    assertThat(
            db.<Optional<Long>>call(
                em ->
                    counters(em)
                        .lastBefore(
                            "cust_1", Resource.BUILD_HOURS, Instant.parse("2026-11-30T00:00:00Z"))))
        .isEmpty();
  }

  private void consumeAt(
      String customerId, Resource resource, long quantity, String key, Instant at) {
    db.run(em -> counters(em).ensureRow(customerId, resource, MONTH));
    db.run(
        em ->
            counters(em)
                .apply(
                    customerId, resource, MONTH, "consumed", quantity, 1000, true, key, "svc", at));
  }

  private void consume(
      String customerId, Resource resource, Instant period, long quantity, long limit, String key) {
    db.run(em -> counters(em).ensureRow(customerId, resource, period));
    db.run(
        em ->
            counters(em)
                .apply(
                    customerId,
                    resource,
                    period,
                    "consumed",
                    quantity,
                    limit,
                    true,
                    key,
                    "svc",
                    NOW));
  }

  private static UsageCounters counters(EntityManager em) {
    UsageCounters counters = new UsageCounters();
    counters.em = em;
    return counters;
  }
}
