package com.acme.flags.service;

import com.acme.flags.api.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code flags_evaluations_total{flag, result, reason}} on {@code /metrics}: every evaluation, over
 * HTTP or in process (the billing path's decision per customer). Only existing flags are counted
 * (an unknown key is refused first), so the labels stay bounded.
 */
@ApplicationScoped
public class FlagMetrics {

  private static final Metadata EVALUATIONS =
      Metadata.builder()
          .withName("flags_evaluations")
          .withDescription(
              "Flag evaluations by flag, result (on, off) and reason (SPLIT, DISABLED, ERROR)")
          .build();

  @Inject MetricRegistry registry;

  /** The reasons an evaluation gives, in slot order; anything else counts as an error. */
  private static final List<String> REASONS =
      List.of(Evaluation.SPLIT, Evaluation.DISABLED, Evaluation.ERROR);

  /**
   * Each flag's counters by result and reason, met so far: an evaluation (a hot path) costs one map
   * look-up by the flag's key, no string building and no registry look-up.
   */
  private final Map<String, Counter[]> byFlag = new ConcurrentHashMap<>();

  void evaluated(Evaluation evaluation) {
    int known = REASONS.indexOf(evaluation.reason());
    int reason = known >= 0 ? known : REASONS.indexOf(Evaluation.ERROR);
    int slot = (evaluation.enabled() ? REASONS.size() : 0) + reason;
    Counter[] counters =
        byFlag.computeIfAbsent(evaluation.key(), k -> new Counter[2 * REASONS.size()]);
    Counter counter = counters[slot];
    if (counter == null) {
      // A race here is harmless: the registry hands out the same counter for the same labels.
      counter =
          registry.counter(
              EVALUATIONS,
              new Tag("flag", evaluation.key()),
              new Tag("result", evaluation.enabled() ? "on" : "off"),
              new Tag("reason", REASONS.get(reason)));
      counters[slot] = counter;
    }
    counter.inc();
  }
}
