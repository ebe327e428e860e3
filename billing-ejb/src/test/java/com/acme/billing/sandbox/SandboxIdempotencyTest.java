package com.acme.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.billing.api.PaymentProviderException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sandbox honours idempotency keys the way Stripe does. */
class SandboxIdempotencyTest {

  private final SandboxIdempotency keys = new SandboxIdempotency();
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void theSameKeyAndParametersGetTheFirstAnswerWithoutDoingItAgain() {
    String fingerprint = SandboxIdempotency.fingerprint("cancel", "sub_1", true);
    String first = keys.once("k1", fingerprint, String.class, this::call);
    String again = keys.once("k1", fingerprint, String.class, this::call);
    assertThat(again).isEqualTo(first);
    assertThat(calls).hasValue(1);
  }

  @Test
  void theSameKeyWithOtherParametersIsAnIdempotencyError() {
    keys.once(
        "k1", SandboxIdempotency.fingerprint("cancel", "sub_1", true), String.class, this::call);
    PaymentProviderException refused =
        catchThrowableOfType(
            PaymentProviderException.class,
            () ->
                keys.once(
                    "k1",
                    SandboxIdempotency.fingerprint("cancel", "sub_1", false),
                    String.class,
                    this::call));
    assertThat(refused.kind()).isEqualTo(PaymentProviderException.Kind.IDEMPOTENCY_CONFLICT);
    assertThat(refused.code()).isEqualTo("idempotency_error");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aNewKeyDoesItAgain() {
    String fingerprint = SandboxIdempotency.fingerprint("cancel", "sub_1", true);
    keys.once("k1", fingerprint, String.class, this::call);
    keys.once("k2", fingerprint, String.class, this::call);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aFailedCallKeepsNoAnswerSoARetryRunsIt() {
    String fingerprint = SandboxIdempotency.fingerprint("cancel", "sub_1", true);
    catchThrowableOfType(
        IllegalStateException.class,
        () ->
            keys.once(
                "k1",
                fingerprint,
                String.class,
                () -> {
                  throw new IllegalStateException("refused");
                }));
    assertThat(keys.once("k1", fingerprint, String.class, this::call)).isEqualTo("answer 1");
  }

  private String call() {
    return "answer " + calls.incrementAndGet();
  }
}
