package com.acme.flags.service;

import com.acme.flags.api.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  /** The counters met so far: an evaluation costs a map look-up, not a registry one. */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  void evaluated(Evaluation evaluation) {
    String result = evaluation.enabled() ? "on" : "off";
    counters
        .computeIfAbsent(
            evaluation.key() + '\n' + result + '\n' + evaluation.reason(),
            ignored ->
                registry.counter(
                    EVALUATIONS,
                    new Tag("flag", evaluation.key()),
                    new Tag("result", result),
                    new Tag("reason", evaluation.reason())))
        .inc();
  }
}
