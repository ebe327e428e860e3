package com.acme.billing.encryption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one row of {@code billing.data_key_canary}: a known value sealed under the data keys. */
@Entity
@Table(name = "data_key_canary", schema = "billing")
public class DataKeyCanary {

  static final short ID = 1;

  @Id
  @Column(name = "id")
  private short id;

  @Column(name = "sealed", nullable = false)
  private byte[] sealed;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected DataKeyCanary() {}

  DataKeyCanary(byte[] sealed, Instant now) {
    this.id = ID;
    reseal(sealed, now);
  }

  byte[] sealed() {
    return sealed;
  }

  void reseal(byte[] sealed, Instant now) {
    this.sealed = sealed;
    this.writtenAt = now;
  }
}
