package com.acme.flags.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.flags.api.EnvironmentState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The flags store (entities, history, change counter) works on the embedded default, H2. */
class FlagStoreOnH2Test {

  @Test
  void aRemovedFlagTakesItsStatesAlongAndEachBumpRaisesTheCounterByOne() {
    EntityManagerFactory emf = migratedH2();
    try {
      EntityManager em = emf.createEntityManager();
      FlagRepository repository = new FlagRepository();
      repository.notices = new FlagNotices();
      repository.em = em;
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      em.getTransaction().begin();
      repository.add(new Flag("gone", "", now, "alice"));
      repository.add(new Flag("kept", "", now, "alice"));
      repository.setState("gone", "development", new EnvironmentState(true, 10));
      repository.setState("gone", "production", new EnvironmentState(false, 0));
      repository.setState("kept", "production", new EnvironmentState(true, 100));
      repository.bumpChangeCounter("some_flag");
      em.getTransaction().commit();
      em.clear();

      em.getTransaction().begin();
      repository.remove(repository.find("gone").orElseThrow());
      repository.bumpChangeCounter("some_flag");
      em.getTransaction().commit();
      em.clear();

      assertThat(repository.find("gone")).isEmpty();
      assertThat(repository.states("gone")).isEmpty();
      assertThat(repository.allStates()).containsOnlyKeys("kept");
      assertThat(repository.allStates().get("kept"))
          .containsExactly(Map.entry("production", new EnvironmentState(true, 100)));
      assertThat(repository.changeCounter()).isEqualTo(2);
      em.close();
    } finally {
      emf.close();
    }
  }

  private static EntityManagerFactory migratedH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:mem:flagstore-" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/flags")
        .schemas("flags")
        .load()
        .migrate();
    return Persistence.createEntityManagerFactory(
        "flags",
        Map.of(
            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
            "jakarta.persistence.jtaDataSource", "",
            "jakarta.persistence.nonJtaDataSource", ds));
  }

  @Test
  void flagWithStatesAndHistoryRoundTripsOnH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:mem:flagstore-" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/flags")
        .schemas("flags")
        .load()
        .migrate();
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory(
            "flags",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", ds));
    try {
      EntityManager em = emf.createEntityManager();
      FlagRepository repository = new FlagRepository();
      repository.notices = new FlagNotices();
      repository.em = em;
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      em.getTransaction().begin();
      Flag flag = new Flag("new_ui", "A new UI", now, "alice");
      repository.add(flag);
      repository.setState("new_ui", "development", new EnvironmentState(true, 25));
      repository.setState("new_ui", "development", new EnvironmentState(true, 30));
      repository.record(new FlagChangeRecord("new_ui", "created", null, "alice", now, null, "{}"));
      repository.bumpChangeCounter("some_flag");
      em.getTransaction().commit();
      em.clear();

      var view =
          FlagAssembler.toView(
              repository.find("new_ui").orElseThrow(), repository.states("new_ui"));
      assertThat(view.state("development").rolloutPercentage()).isEqualTo(30);
      assertThat(repository.allStates().get("new_ui")).containsOnlyKeys("development");
      assertThat(view.state("production").enabled()).isFalse();
      assertThat(repository.history("new_ui", 0, 10))
          .singleElement()
          .extracting(FlagChangeRecord::getActor)
          .isEqualTo("alice");
      assertThat(repository.historySize("new_ui")).isEqualTo(1);
      assertThat(repository.changeCounter()).isEqualTo(1);
      em.close();
    } finally {
      emf.close();
    }
  }
}
