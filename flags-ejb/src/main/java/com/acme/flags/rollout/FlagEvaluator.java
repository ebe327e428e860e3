package com.acme.flags.rollout;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FlagView;

/**
 * Decides a flag for a subject: on when the flag is enabled in the environment and the subject's
 * bucket is at most the rollout percentage. A missing flag or subject is an error, which means off.
 */
public final class FlagEvaluator {

  private FlagEvaluator() {}

  public static Evaluation evaluate(
      String key, FlagView flag, String environment, String subjectId) {
    if (flag == null || subjectId == null || subjectId.isBlank()) {
      return new Evaluation(key, false, 0, Evaluation.ERROR);
    }
    EnvironmentState state = flag.state(environment);
    int bucket = Bucketing.bucket(key, subjectId);
    if (!state.enabled()) {
      return new Evaluation(key, false, bucket, Evaluation.DISABLED);
    }
    return new Evaluation(key, bucket <= state.rolloutPercentage(), bucket, Evaluation.SPLIT);
  }
}
