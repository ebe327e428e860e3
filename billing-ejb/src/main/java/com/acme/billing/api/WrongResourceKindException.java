package com.acme.billing.api;

import jakarta.ejb.ApplicationException;

/**
 * Consumption recorded for a level resource (projects, storage), or a level set for a consumed one
 * (build hours, embeddings).
 */
@ApplicationException(rollback = false)
public class WrongResourceKindException extends InvalidUsageException {

  private final String resource;
  private final boolean level;

  public WrongResourceKindException(String resource, boolean level) {
    super(
        "resource",
        level
            ? resource + " is a level: set its value, it is not recorded as consumption"
            : resource + " is consumed: record consumption, it has no value to set");
    this.resource = resource;
    this.level = level;
  }

  public String resource() {
    return resource;
  }

  /** Whether the resource is a level (set) rather than consumed (recorded). */
  public boolean isLevel() {
    return level;
  }
}
