package com.acme.flags.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BucketingTest {

  /** Unleash's own cross-client examples: normalizedValue('123', 'gr1') is 73, and so on. */
  @Test
  void bucketsMatchUnleashGradualRolloutExamples() {
    assertThat(Bucketing.bucket("gr1", "123")).isEqualTo(73);
    assertThat(Bucketing.bucket("groupX", "999")).isEqualTo(25);
  }

  @Property
  void aBucketIsAlwaysWithinOneToOneHundred(
      @ForAll @StringLength(max = 40) String flagKey,
      @ForAll @StringLength(max = 40) String subject) {
    assertThat(Bucketing.bucket(flagKey, subject)).isBetween(1, 100);
  }

  @Property
  void raisingThePercentageNeverRemovesASubject(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String subject,
      @ForAll @IntRange(min = 0, max = 100) int lower,
      @ForAll @IntRange(min = 0, max = 100) int higher) {
    int low = Math.min(lower, higher);
    int high = Math.max(lower, higher);
    int bucket = Bucketing.bucket("billing_v2", subject);
    if (bucket <= low) {
      assertThat(bucket).isLessThanOrEqualTo(high);
    }
    assertThat(Bucketing.bucket("billing_v2", subject)).as("sticky").isEqualTo(bucket);
  }

  @Test
  void aboutTheRolloutShareOfSubjectsFallIntoTheRollout() {
    int in = 0;
    for (int i = 0; i < 10_000; i++) {
      if (Bucketing.bucket("billing_v2", "customer-" + i) <= 25) {
        in++;
      }
    }
    assertThat(in).isBetween(2_300, 2_700);
  }
}
