package com.acme.flags.api;

import jakarta.ejb.Local;
import java.util.List;

/**
 * The flags service. Reads and evaluations are answered from memory; every change is versioned
 * ({@code expectedVersion} null means "whatever the current one is"), recorded in the history, and
 * applied by every instance within about a second.
 */
@Local
public interface FeatureFlags {

  List<FlagView> list();

  FlagView get(String key);

  FlagView create(FlagDefinition definition, String actor);

  FlagView replace(String key, FlagDefinition definition, Long expectedVersion, String actor);

  FlagView patch(String key, FlagPatch patch, Long expectedVersion, String actor);

  void delete(String key, Long expectedVersion, String actor);

  FlagHistory history(String key, int page, int size);

  /** The flag for a subject in the running environment. */
  Evaluation evaluate(String key, String subjectId);

  /** The environment this server runs in. */
  String environment();
}
