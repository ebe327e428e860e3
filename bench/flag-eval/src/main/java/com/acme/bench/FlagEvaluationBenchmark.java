package com.acme.bench;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FlagView;
import com.acme.flags.rollout.FlagEvaluator;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What deciding {@code billing_v2} for a customer costs in process (the flag already in memory, as
 * the flag cache holds it): murmur3 bucketing of the key and subject, the environment's state, the
 * answer. Beside an empty benchmark, the harness's own floor. Subjects rotate over 1,024 customer
 * ids so that no single string's hash stays cached in the CPU's favour.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class FlagEvaluationBenchmark {

  private FlagView flag;
  private String[] subjects;
  private int next;

  @Setup
  public void setUp() {
    flag =
        new FlagView(
            "billing_v2",
            "the new billing path",
            7,
            Map.of(
                "development", new EnvironmentState(true, 100),
                "production", new EnvironmentState(true, 25)),
            Instant.EPOCH,
            Instant.EPOCH,
            "admin");
    subjects = new String[1024];
    for (int i = 0; i < subjects.length; i++) {
      subjects[i] = "cust_" + (100_000 + i * 7919);
    }
  }

  @Benchmark
  public void baseline() {
    // The floor: calling an empty benchmark method.
  }

  @Benchmark
  public Evaluation evaluate() {
    String subject = subjects[next++ & (subjects.length - 1)];
    return FlagEvaluator.evaluate("billing_v2", flag, "production", subject);
  }

  @Benchmark
  public void evaluateIntoBlackhole(Blackhole hole) {
    String subject = subjects[next++ & (subjects.length - 1)];
    hole.consume(FlagEvaluator.evaluate("billing_v2", flag, "production", subject).enabled());
  }
}
