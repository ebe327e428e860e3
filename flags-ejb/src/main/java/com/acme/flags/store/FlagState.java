package com.acme.flags.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A flag's state in one environment ({@code flags.flag_state}). An entity of its own, not an
 * element collection of {@link Flag}: EclipseLink writes a changed element of an element collection
 * as an insert before the delete, which breaks the primary key.
 */
@Entity
@Table(name = "flag_state", schema = "flags")
@IdClass(FlagState.Key.class)
@NamedQuery(name = "FlagState.findAll", query = "select s from FlagState s")
@NamedQuery(
    name = "FlagState.findByKey",
    query = "select s from FlagState s where s.flagKey = :key")
@NamedQuery(
    name = "FlagState.deleteByKey",
    query = "delete from FlagState s where s.flagKey = :key")
public class FlagState {

  @Id
  @Column(name = "flag_key")
  private String flagKey;

  @Id
  @Column(name = "environment")
  private String environment;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "rollout_percentage", nullable = false)
  private int rolloutPercentage;

  protected FlagState() {}

  FlagState(String flagKey, String environment, boolean enabled, int rolloutPercentage) {
    this.flagKey = flagKey;
    this.environment = environment;
    set(enabled, rolloutPercentage);
  }

  void set(boolean enabled, int rolloutPercentage) {
    this.enabled = enabled;
    this.rolloutPercentage = rolloutPercentage;
  }

  public String getFlagKey() {
    return flagKey;
  }

  public String getEnvironment() {
    return environment;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int getRolloutPercentage() {
    return rolloutPercentage;
  }

  /** The primary key: flag and environment. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String flagKey;
    private String environment;

    public Key() {}

    public Key(String flagKey, String environment) {
      this.flagKey = flagKey;
      this.environment = environment;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(flagKey, k.flagKey)
          && Objects.equals(environment, k.environment);
    }

    @Override
    public int hashCode() {
      return Objects.hash(flagKey, environment);
    }
  }
}
