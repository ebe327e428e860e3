package com.acme.flags.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The columns of one environment's state in {@code flags.flag_state}. */
@Embeddable
public class StateColumns {

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "rollout_percentage", nullable = false)
  private int rolloutPercentage;

  protected StateColumns() {}

  public StateColumns(boolean enabled, int rolloutPercentage) {
    this.enabled = enabled;
    this.rolloutPercentage = rolloutPercentage;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int getRolloutPercentage() {
    return rolloutPercentage;
  }
}
