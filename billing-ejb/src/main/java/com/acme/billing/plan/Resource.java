package com.acme.billing.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four metered resources. Consumed ones reset monthly; levels are set up or down. */
public enum Resource {
  PROJECTS("projects", Kind.LEVEL),
  BUILD_HOURS("build_hours", Kind.CONSUMED),
  STORAGE_GB("storage_gb", Kind.LEVEL),
  AI_EMBEDDINGS("ai_embeddings", Kind.CONSUMED);

  public enum Kind {
    CONSUMED,
    LEVEL
  }

  private final String id;
  private final Kind kind;

  Resource(String id, Kind kind) {
    this.id = id;
    this.kind = kind;
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isConsumed() {
    return kind == Kind.CONSUMED;
  }

  public static Optional<Resource> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Resource::id).toList();
  }
}
