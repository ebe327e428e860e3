package com.acme.flags.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A feature flag. Its state per environment lives in {@code flags.flag_state}, written through
 * {@link FlagRepository}; {@code version} increases with each change.
 */
@Entity
@Table(name = "flag", schema = "flags")
@NamedQuery(name = "Flag.findAll", query = "select f from Flag f order by f.key")
public class Flag {

  @Id
  @Column(name = "flag_key")
  private String key;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected Flag() {}

  public Flag(String key, String description, OffsetDateTime now, String actor) {
    this.key = key;
    this.description = description;
    this.version = 1;
    this.createdAt = now;
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  /** Records that the flag changed: a new version, who, when. */
  public void touch(OffsetDateTime now, String actor) {
    version++;
    updatedAt = now;
    updatedBy = actor;
  }

  public String getKey() {
    return key;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
