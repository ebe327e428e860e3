package com.acme.flags.service;

import com.acme.flags.api.BillingPath;
import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Environments;
import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FeatureFlags;
import com.acme.flags.api.FlagDefinition;
import com.acme.flags.api.FlagException;
import com.acme.flags.api.FlagHistory;
import com.acme.flags.api.FlagPatch;
import com.acme.flags.api.FlagView;
import com.acme.flags.rollout.FlagEvaluator;
import com.acme.flags.store.Flag;
import com.acme.flags.store.FlagAssembler;
import com.acme.flags.store.FlagChangeRecord;
import com.acme.flags.store.FlagRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The flags service: reads from memory, changes in one transaction with their history. */
@Stateless
public class FlagService implements FeatureFlags {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
  private static final int MAX_DESCRIPTION = 500;
  private static final int MAX_PAGE_SIZE = 100;

  @Inject FlagRepository repository;
  @Inject FlagCache cache;
  @Inject FlagMetrics metrics;
  @Inject Event<FlagsChanged> changed;

  @Inject
  @ConfigProperty(name = "app.environment", defaultValue = Environments.DEVELOPMENT)
  String environment;

  private final Clock clock = Clock.systemUTC();

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<FlagView> list() {
    return cache.all();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public FlagView get(String key) {
    FlagView flag = cache.get(key);
    if (flag == null) {
      throw FlagException.notFound(key);
    }
    return flag;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Evaluation evaluate(String key, String subjectId) {
    Evaluation evaluation = FlagEvaluator.evaluate(key, get(key), environment(), subjectId);
    metrics.evaluated(evaluation);
    return evaluation;
  }

  @Override
  public String environment() {
    return environment.trim().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public FlagView create(FlagDefinition definition, String actor) {
    String key = definition.key();
    if (key == null || !KEY.matcher(key).matches()) {
      throw FlagException.invalid(
          "key", "key must be 1-64 characters: a lower-case letter, then a-z, 0-9, '_', '.', '-'");
    }
    if (repository.find(key).isPresent()) {
      throw new FlagException(
          FlagException.Kind.ALREADY_EXISTS, "key", "a flag named " + key + " exists");
    }
    validateStates(definition.environments());
    Flag flag = new Flag(key, description(definition.description()), now(), actor);
    repository.add(flag);
    setStates(flag, definition.environments());
    return recorded(flag, "created", null, null, actor);
  }

  @Override
  public FlagView replace(
      String key, FlagDefinition definition, Long expectedVersion, String actor) {
    if (definition.key() != null && !definition.key().equals(key)) {
      throw FlagException.invalid("key", "the key in the body must match the path (" + key + ")");
    }
    validateStates(definition.environments());
    String description = description(definition.description());
    Flag flag = lockedAt(key, expectedVersion);
    FlagView before = view(flag);
    flag.setDescription(description);
    for (String env : Environments.ALL) {
      repository.setState(key, env, EnvironmentState.OFF);
    }
    setStates(flag, definition.environments());
    flag.touch(now(), actor);
    return recorded(flag, "replaced", null, before, actor);
  }

  @Override
  public FlagView patch(String key, FlagPatch patch, Long expectedVersion, String actor) {
    if (patch.enabled() == null
        && patch.rolloutPercentage() == null
        && patch.description() == null) {
      throw FlagException.invalid(
          "body", "send at least one of enabled, rolloutPercentage, description");
    }
    String env = patch.environment() == null ? environment() : patch.environment();
    requireEnvironment(env, "environment");
    if (patch.rolloutPercentage() != null) {
      requirePercentage(patch.rolloutPercentage(), "rolloutPercentage");
    }
    Flag flag = lockedAt(key, expectedVersion);
    FlagView before = view(flag);
    EnvironmentState current = before.state(env);
    if (patch.enabled() != null || patch.rolloutPercentage() != null) {
      repository.setState(
          key,
          env,
          new EnvironmentState(
              patch.enabled() != null ? patch.enabled() : current.enabled(),
              patch.rolloutPercentage() != null
                  ? patch.rolloutPercentage()
                  : current.rolloutPercentage()));
    }
    if (patch.description() != null) {
      flag.setDescription(description(patch.description()));
    }
    flag.touch(now(), actor);
    return recorded(flag, "updated", env, before, actor);
  }

  @Override
  public void delete(String key, Long expectedVersion, String actor) {
    if (BillingPath.FLAG_KEY.equals(key)) {
      throw new FlagException(
          FlagException.Kind.PROTECTED,
          "key",
          BillingPath.FLAG_KEY
              + " decides the billing path and cannot be deleted; disable it instead");
    }
    Flag flag = lockedAt(key, expectedVersion);
    FlagView before = view(flag);
    repository.remove(flag);
    repository.record(
        new FlagChangeRecord(
            key, "deleted", null, actor, now(), FlagAssembler.toJson(before), null));
    repository.bumpChangeCounter(key);
    changed.fire(new FlagsChanged(key, null));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public FlagHistory history(String key, int page, int size) {
    if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
      throw FlagException.invalid("page", "page must be 0 or more and within the history");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw FlagException.invalid("size", "size must be within 1.." + MAX_PAGE_SIZE);
    }
    long total = repository.historySize(key);
    if (total == 0 && cache.get(key) == null) {
      throw FlagException.notFound(key);
    }
    return new FlagHistory(
        key,
        page,
        size,
        total,
        repository.history(key, page, size).stream().map(FlagAssembler::toChange).toList());
  }

  private Flag lockedAt(String key, Long expectedVersion) {
    Flag flag = repository.findForUpdate(key).orElseThrow(() -> FlagException.notFound(key));
    if (expectedVersion != null && expectedVersion != flag.getVersion()) {
      throw new FlagException(
          FlagException.Kind.STALE_VERSION,
          "If-Match",
          "the flag is at version "
              + flag.getVersion()
              + ", not "
              + expectedVersion
              + "; read it again and retry");
    }
    return flag;
  }

  private FlagView view(Flag flag) {
    return FlagAssembler.toView(flag, repository.states(flag.getKey()));
  }

  private FlagView recorded(Flag flag, String action, String env, FlagView before, String actor) {
    FlagView after = view(flag);
    repository.record(
        new FlagChangeRecord(
            flag.getKey(),
            action,
            env,
            actor,
            flag.getUpdatedAt(),
            FlagAssembler.toJson(before),
            FlagAssembler.toJson(after)));
    repository.bumpChangeCounter(flag.getKey());
    changed.fire(new FlagsChanged(flag.getKey(), after));
    return after;
  }

  /** Every check of a definition's states, before anything is written. */
  private static void validateStates(Map<String, EnvironmentState> environments) {
    if (environments == null) {
      return;
    }
    environments.forEach(
        (env, state) -> {
          requireEnvironment(env, "environments." + env);
          if (state == null) {
            throw FlagException.invalid(
                "environments." + env, "a state needs enabled and rolloutPercentage");
          }
          requirePercentage(
              state.rolloutPercentage(), "environments." + env + ".rolloutPercentage");
        });
  }

  /** Writes the states; {@link #validateStates} has checked them. */
  private void setStates(Flag flag, Map<String, EnvironmentState> environments) {
    if (environments != null) {
      environments.forEach((env, state) -> repository.setState(flag.getKey(), env, state));
    }
  }

  private static void requireEnvironment(String env, String field) {
    if (!Environments.ALL.contains(env)) {
      throw FlagException.invalid(
          field, "environment must be one of " + Environments.ALL + ", was " + env);
    }
  }

  private static void requirePercentage(int percentage, String field) {
    if (percentage < 0 || percentage > 100) {
      throw FlagException.invalid(field, field + " must be within 0..100, was " + percentage);
    }
  }

  private static String description(String description) {
    String d = description == null ? "" : description;
    if (d.length() > MAX_DESCRIPTION) {
      throw FlagException.invalid(
          "description", "description must be at most " + MAX_DESCRIPTION + " characters");
    }
    return d;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
