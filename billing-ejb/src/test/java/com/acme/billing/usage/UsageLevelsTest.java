package com.acme.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.UsageLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageLevelsTest {

  @ParameterizedTest
  @CsvSource({
    "0,   150, 0.0,   ok",
    "119, 150, 79.3,  ok",
    "120, 150, 80.0,  warning",
    "142, 150, 94.7,  warning",
    "143, 150, 95.3,  critical",
    "149, 150, 99.3,  critical",
    "150, 150, 100.0, critical",
    "151, 150, 100.7, exceeded",
    "400, 150, 266.7, exceeded",
    "79,  100, 79.0,  ok",
    "80,  100, 80.0,  warning",
    "94,  100, 94.0,  warning",
    "95,  100, 95.0,  critical",
    "99,  100, 99.0,  critical",
    "100, 100, 100.0, critical",
    "101, 100, 101.0, exceeded",
    "3,   8,   37.5,  ok",
  })
  void levelsChangeAtEightyAndNinetyFivePercentAndExceededOnlyAboveTheLimit(
      long used, long limit, double percent, String level) {
    UsageLine line = UsageLevels.line(used, limit);
    assertThat(line.used()).isEqualTo(used);
    assertThat(line.limit()).isEqualTo(limit);
    assertThat(line.percent()).isEqualTo(percent);
    assertThat(line.level()).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 100.0, critical",
    "1, 0, 100.0, exceeded",
    "9, 0, 100.0, exceeded",
  })
  void aLimitOfZeroIsReachedAtZeroAndExceededByAnyUse(
      long used, long limit, double percent, String level) {
    UsageLine line = UsageLevels.line(used, limit);
    assertThat(line.percent()).isEqualTo(percent);
    assertThat(line.level()).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({
    "9223372036854775807, 9223372036854775807, critical",
    "9223372036854775807, 9223372036854775806, exceeded",
  })
  void largeNumbersFollowTheSameRule(long used, long limit, String level) {
    assertThat(UsageLevels.line(used, limit).level()).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({
    "150, 150, 0, 150, critical",
    "160, 150, 50, 200, warning",
    "150, 150, 50, 200, ok",
    "190, 150, 50, 200, critical",
  })
  void theLevelsApplyToTheEffectiveLimitOfPlanAndTopUps(
      long used, long base, long topUp, long limit, String level) {
    UsageLine line = UsageLevels.line(used, base, topUp);
    assertThat(line.limit()).isEqualTo(limit);
    assertThat(line.baseLimit()).isEqualTo(base);
    assertThat(line.topUp()).isEqualTo(topUp);
    assertThat(line.level()).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({
    "0,   100, ''",
    "79,  100, ''",
    "80,  100, 80",
    "94,  100, 80",
    "95,  100, 80 95",
    "100, 100, 80 95",
    "101, 100, 80 95",
    "119, 150, ''",
    "120, 150, 80",
    "0,   0,   ''",
    "1,   0,   80 95",
  })
  void alertThresholdsAreReachedExactlyAtTheirPercentAndNeverWithNothingUsed(
      long used, long limit, String reached) {
    assertThat(UsageLevels.thresholdsReached(used, limit))
        .map(String::valueOf)
        .containsExactly(reached.isEmpty() ? new String[0] : reached.split(" "));
  }
}
