package com.acme.flags.openfeature;

import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FeatureFlags;
import com.acme.flags.api.FlagException;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;

/**
 * An OpenFeature provider backed by this module's flags: the evaluation context's {@code
 * targetingKey} is the subject. Flags here are on/off, so only boolean evaluation is supported;
 * asking for another type is a type-mismatch error (the caller gets its default).
 */
public class FlagsProvider implements FeatureProvider {

  public static final String DOMAIN = "flags";

  private final FeatureFlags flags;

  public FlagsProvider(FeatureFlags flags) {
    this.flags = flags;
  }

  @Override
  public Metadata getMetadata() {
    return () -> "acme-flags";
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean defaultValue, EvaluationContext ctx) {
    String subject = ctx == null ? null : ctx.getTargetingKey();
    if (subject == null || subject.isBlank()) {
      return error(defaultValue, ErrorCode.TARGETING_KEY_MISSING, "no targetingKey");
    }
    try {
      Evaluation evaluation = flags.evaluate(key, subject);
      if (Evaluation.ERROR.equals(evaluation.reason())) {
        return error(defaultValue, ErrorCode.GENERAL, "flag " + key + " could not be evaluated");
      }
      return ProviderEvaluation.<Boolean>builder()
          .value(evaluation.enabled())
          .variant(evaluation.enabled() ? "on" : "off")
          .reason(
              Evaluation.DISABLED.equals(evaluation.reason())
                  ? Reason.DISABLED.toString()
                  : Reason.SPLIT.toString())
          .build();
    } catch (FlagException e) {
      return error(
          defaultValue,
          e.kind() == FlagException.Kind.NOT_FOUND ? ErrorCode.FLAG_NOT_FOUND : ErrorCode.GENERAL,
          e.getMessage());
    } catch (RuntimeException e) {
      return error(defaultValue, ErrorCode.GENERAL, "flags unavailable");
    }
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String defaultValue, EvaluationContext ctx) {
    return error(defaultValue, ErrorCode.TYPE_MISMATCH, "flags are boolean");
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer defaultValue, EvaluationContext ctx) {
    return error(defaultValue, ErrorCode.TYPE_MISMATCH, "flags are boolean");
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double defaultValue, EvaluationContext ctx) {
    return error(defaultValue, ErrorCode.TYPE_MISMATCH, "flags are boolean");
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value defaultValue, EvaluationContext ctx) {
    return error(defaultValue, ErrorCode.TYPE_MISMATCH, "flags are boolean");
  }

  private static <T> ProviderEvaluation<T> error(T value, ErrorCode code, String message) {
    return ProviderEvaluation.<T>builder()
        .value(value)
        .reason(Reason.ERROR.toString())
        .errorCode(code)
        .errorMessage(message)
        .build();
  }
}
