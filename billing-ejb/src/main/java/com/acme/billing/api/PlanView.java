package com.acme.billing.api;

import java.util.List;
import java.util.Map;

/** A plan as the public plan list shows it. */
public record PlanView(
    String id,
    String name,
    Map<String, Money> prices,
    int yearlySavingPercent,
    Map<String, Long> limits,
    List<String> features,
    List<String> upgradeOptions) {}
