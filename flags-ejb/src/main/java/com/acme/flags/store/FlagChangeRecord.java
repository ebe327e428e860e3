package com.acme.flags.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of a flag's append-only change history. */
@Entity
@Table(name = "flag_change", schema = "flags")
@NamedQuery(
    name = "FlagChangeRecord.findByKey",
    query = "select c from FlagChangeRecord c where c.flagKey = :key order by c.id desc")
@NamedQuery(
    name = "FlagChangeRecord.countByKey",
    query = "select count(c) from FlagChangeRecord c where c.flagKey = :key")
public class FlagChangeRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "flag_key", nullable = false)
  private String flagKey;

  @Column(name = "environment")
  private String environment;

  @Column(name = "action", nullable = false)
  private String action;

  @Column(name = "actor", nullable = false)
  private String actor;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected FlagChangeRecord() {}

  public FlagChangeRecord(
      String flagKey,
      String action,
      String environment,
      String actor,
      OffsetDateTime changedAt,
      String before,
      String after) {
    this.flagKey = flagKey;
    this.action = action;
    this.environment = environment;
    this.actor = actor;
    this.changedAt = changedAt;
    this.before = before;
    this.after = after;
  }

  public Long getId() {
    return id;
  }

  public String getFlagKey() {
    return flagKey;
  }

  public String getEnvironment() {
    return environment;
  }

  public String getAction() {
    return action;
  }

  public String getActor() {
    return actor;
  }

  public OffsetDateTime getChangedAt() {
    return changedAt;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
