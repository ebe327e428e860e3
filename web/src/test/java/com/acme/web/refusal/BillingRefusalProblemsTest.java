package com.acme.web.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.BillingException;
import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.CheckoutRefusedException.Reason;
import com.acme.billing.api.WrongResourceKindException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The billing module says why it refused; the web module alone decides status and problem type. */
class BillingRefusalProblemsTest {

  @ParameterizedTest
  @EnumSource(
      value = Reason.class,
      names = {"REDIRECT_NOT_ALLOWED"},
      mode = EnumSource.Mode.EXCLUDE)
  void aCheckoutThatDoesNotFitTheAccountIsAConflictTypedByItsReason(Reason reason) {
    Map<String, Object> body = problem(new CheckoutRefusedException(reason, "refused"));

    assertThat(body.get("status")).isEqualTo(409);
    assertThat((String) body.get("type"))
        .endsWith("/" + reason.name().toLowerCase().replace('_', '-'));
    assertThat((String) body.get("detail")).startsWith("refused");
  }

  @Test
  void aRedirectOutsideTheAllowedOriginsIsBadInput() {
    Map<String, Object> body =
        problem(new CheckoutRefusedException(Reason.REDIRECT_NOT_ALLOWED, "successUrl is off"));

    assertThat(body.get("status")).isEqualTo(400);
    assertThat((String) body.get("type")).endsWith("/redirect-not-allowed");
    assertThat(body.get("title")).isEqualTo("Redirect not allowed");
  }

  @Test
  void theRouteToLeaveAPaidPlanIsNamedByTheWebLayer() {
    Map<String, Object> body =
        problem(new CheckoutRefusedException(Reason.FREE_NEEDS_NO_CHECKOUT, "cancel instead"));

    assertThat((String) body.get("detail"))
        .isEqualTo("cancel instead. Cancel with POST /billing/subscription/cancel.");
  }

  @Test
  void recordingConsumptionOfALevelPointsToTheRouteThatSetsIt() {
    Map<String, Object> body = problem(new WrongResourceKindException("projects", true));

    assertThat(body.get("status")).isEqualTo(400);
    assertThat(body.get("field")).isEqualTo("resource");
    assertThat((String) body.get("detail"))
        .startsWith("projects is a level")
        .endsWith("Set it with PUT /billing/usage/{customerId}/projects.");
  }

  @Test
  void settingALevelOfAConsumedResourcePointsToTheRouteThatRecordsIt() {
    Map<String, Object> body = problem(new WrongResourceKindException("build_hours", false));

    assertThat((String) body.get("detail")).endsWith("Record it with POST /billing/usage.");
  }

  private static Map<String, Object> problem(BillingException e) {
    return BillingExceptionMapper.problem(e).body();
  }
}
