package com.acme.flags.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FlagView;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagEvaluatorTest {

  private static FlagView flag(boolean enabled, int percentage) {
    return new FlagView(
        "billing_v2",
        "",
        1,
        Map.of(
            "development", new EnvironmentState(enabled, percentage),
            "production", new EnvironmentState(false, 0)),
        Instant.EPOCH,
        Instant.EPOCH,
        "test");
  }

  @Test
  void aDisabledFlagIsOffWithReasonDisabled() {
    Evaluation e = FlagEvaluator.evaluate("billing_v2", flag(false, 100), "development", "cust_1");
    assertThat(e.enabled()).isFalse();
    assertThat(e.reason()).isEqualTo(Evaluation.DISABLED);
    assertThat(e.bucket()).isEqualTo(Bucketing.bucket("billing_v2", "cust_1"));
  }

  @Test
  void anEnabledFlagSplitsByBucket() {
    int bucket = Bucketing.bucket("billing_v2", "cust_1");
    Evaluation atBucket =
        FlagEvaluator.evaluate("billing_v2", flag(true, bucket), "development", "cust_1");
    Evaluation below =
        FlagEvaluator.evaluate("billing_v2", flag(true, bucket - 1), "development", "cust_1");
    assertThat(atBucket.enabled()).isTrue();
    assertThat(atBucket.reason()).isEqualTo(Evaluation.SPLIT);
    assertThat(below.enabled()).isFalse();
    assertThat(below.reason()).isEqualTo(Evaluation.SPLIT);
    assertThat(FlagEvaluator.evaluate("billing_v2", flag(true, 100), "development", "x").enabled())
        .isTrue();
    assertThat(FlagEvaluator.evaluate("billing_v2", flag(true, 0), "development", "x").enabled())
        .isFalse();
  }

  @Test
  void theRunningEnvironmentsStateApplies() {
    assertThat(FlagEvaluator.evaluate("billing_v2", flag(true, 100), "production", "c").reason())
        .isEqualTo(Evaluation.DISABLED);
    assertThat(FlagEvaluator.evaluate("billing_v2", flag(true, 100), "staging", "c").enabled())
        .isFalse();
  }

  @Test
  void aMissingSubjectOrFlagIsAnErrorAndOff() {
    assertThat(FlagEvaluator.evaluate("billing_v2", flag(true, 100), "development", null))
        .isEqualTo(new Evaluation("billing_v2", false, 0, Evaluation.ERROR));
    assertThat(FlagEvaluator.evaluate("billing_v2", flag(true, 100), "development", " ").reason())
        .isEqualTo(Evaluation.ERROR);
    assertThat(FlagEvaluator.evaluate("nope", null, "development", "c").reason())
        .isEqualTo(Evaluation.ERROR);
  }
}
