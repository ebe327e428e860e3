package com.acme.web.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.FlagChange;
import com.acme.flags.api.FlagView;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagReadViewsTest {

  private static final FlagView FLAG =
      new FlagView(
          "billing_v2",
          "New billing path",
          4,
          Map.of("development", new EnvironmentState(true, 25)),
          Instant.parse("2026-12-01T00:00:00Z"),
          Instant.parse("2026-12-02T00:00:00Z"),
          "admin-alice");

  private static final FlagChange CHANGE =
      new FlagChange(
          7,
          "billing_v2",
          "updated",
          "development",
          "admin-alice",
          Instant.parse("2026-12-02T00:00:00Z"),
          null,
          null);

  @Test
  void anAdminSeesWhoChangedTheFlag() {
    assertThat(FlagsResource.readView(FLAG, true)).isEqualTo(FLAG);
    assertThat(FlagsResource.item(CHANGE, true).actor()).isEqualTo("admin-alice");
  }

  @Test
  void anyoneElseSeesTheFlagButNotWhoChangedIt() {
    FlagView view = FlagsResource.readView(FLAG, false);
    assertThat(view.updatedBy()).isNull();
    assertThat(view.environments()).isEqualTo(FLAG.environments());
    assertThat(view.version()).isEqualTo(FLAG.version());
    FlagsResource.HistoryItem item = FlagsResource.item(CHANGE, false);
    assertThat(item.actor()).isNull();
    assertThat(item.action()).isEqualTo("updated");
  }
}
