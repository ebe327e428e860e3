package com.acme.billing.usage;

import com.acme.billing.api.Money;
import com.acme.billing.api.TopUpBought;
import com.acme.billing.plan.Resource;
import java.util.List;

/** Adds up the packs one request bought for a resource into one answer. */
final class TopUps {

  private TopUps() {}

  /** The packs bought for {@code resource}, as one entry; null when none was bought. */
  static TopUpBought merged(Resource resource, List<TopUpBought> bought) {
    if (bought.isEmpty()) {
      return null;
    }
    int packs = bought.stream().mapToInt(TopUpBought::packs).sum();
    long quantity = bought.stream().mapToLong(TopUpBought::quantity).sum();
    long amount = bought.stream().mapToLong(b -> b.amount().amount()).sum();
    return new TopUpBought(
        resource.id(), packs, quantity, new Money(amount, bought.get(0).amount().currency()));
  }
}
