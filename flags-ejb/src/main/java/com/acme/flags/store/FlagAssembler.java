package com.acme.flags.store;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Environments;
import com.acme.flags.api.FlagChange;
import com.acme.flags.api.FlagView;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns flag entities into the module's DTOs, and flags into the JSON the history keeps. */
public final class FlagAssembler {

  private FlagAssembler() {}

  public static FlagView toView(Flag flag, Map<String, EnvironmentState> states) {
    Map<String, EnvironmentState> environments = new LinkedHashMap<>();
    for (String environment : Environments.ALL) {
      environments.put(environment, states.getOrDefault(environment, EnvironmentState.OFF));
    }
    return new FlagView(
        flag.getKey(),
        flag.getDescription(),
        flag.getVersion(),
        Map.copyOf(environments),
        flag.getCreatedAt().toInstant(),
        flag.getUpdatedAt().toInstant(),
        flag.getUpdatedBy());
  }

  public static FlagChange toChange(FlagChangeRecord record) {
    return new FlagChange(
        record.getId(),
        record.getFlagKey(),
        record.getAction(),
        record.getEnvironment(),
        record.getActor(),
        record.getChangedAt().toInstant(),
        record.getBefore(),
        record.getAfter());
  }

  /** The flag's description, version and states as the history stores them. */
  public static String toJson(FlagView flag) {
    if (flag == null) {
      return null;
    }
    JsonObjectBuilder environments = Json.createObjectBuilder();
    for (String environment : Environments.ALL) {
      EnvironmentState state = flag.state(environment);
      environments.add(
          environment,
          Json.createObjectBuilder()
              .add("enabled", state.enabled())
              .add("rolloutPercentage", state.rolloutPercentage()));
    }
    return Json.createObjectBuilder()
        .add("description", flag.description())
        .add("version", flag.version())
        .add("environments", environments)
        .build()
        .toString();
  }
}
