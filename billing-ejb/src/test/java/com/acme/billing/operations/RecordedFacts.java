package com.acme.billing.operations;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The CDI event of billing facts for beans built by hand in tests: it keeps what was fired. */
public final class RecordedFacts implements Event<BillingFact> {

  private final List<BillingFact> fired = new CopyOnWriteArrayList<>();

  public List<BillingFact> fired() {
    return List.copyOf(fired);
  }

  @Override
  public void fire(BillingFact fact) {
    fired.add(fact);
  }

  @Override
  public <U extends BillingFact> CompletionStage<U> fireAsync(U fact) {
    fired.add(fact);
    return CompletableFuture.completedFuture(fact);
  }

  @Override
  public <U extends BillingFact> CompletionStage<U> fireAsync(U fact, NotificationOptions options) {
    return fireAsync(fact);
  }

  @Override
  public Event<BillingFact> select(Annotation... qualifiers) {
    return this;
  }

  @Override
  public <U extends BillingFact> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public <U extends BillingFact> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException("not needed by the tests");
  }
}
