package com.acme.flags.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The single row every instance polls ({@code flags.change_counter}, id 1): a higher value means
 * "reload the flags".
 */
@Entity
@Table(name = "change_counter", schema = "flags")
@NamedQuery(
    name = "ChangeCounter.value",
    query = "select c.counter from ChangeCounter c where c.id = " + ChangeCounter.ID)
// One statement, so concurrent bumps on several instances never lose one.
@NamedQuery(
    name = "ChangeCounter.bump",
    query = "update ChangeCounter c set c.counter = c.counter + 1 where c.id = " + ChangeCounter.ID)
public class ChangeCounter {

  static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "counter", nullable = false)
  private long counter;

  protected ChangeCounter() {}

  public long getCounter() {
    return counter;
  }
}
