package com.acme.web.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What the API answers, on {@code /metrics} (application scope): checkout and portal sessions
 * handed out, feature and usage checks by outcome, webhook deliveries by type and outcome with
 * their processing time. The billing module counts its own facts (payments, completed checkouts,
 * usage crossings, top-ups); the flags module its evaluations. Labels are bounded: outcomes,
 * reasons and the types of verified Stripe events, never a customer.
 */
@ApplicationScoped
public class ApiMetrics {

  private static final Metadata WEBHOOK_EVENTS =
      Metadata.builder()
          .withName("billing_webhook_events")
          .withDescription(
              "Verified Stripe webhook deliveries by event type and outcome (processed, ignored,"
                  + " stale, duplicate, failed, busy)")
          .build();
  private static final Metadata WEBHOOK_REJECTED =
      Metadata.builder()
          .withName("billing_webhook_rejected")
          .withDescription(
              "Webhook deliveries refused before anything was stored, by reason"
                  + " (missing_signature, malformed, signature_mismatch, no_secret_configured)")
          .build();

  @Inject MetricRegistry registry;

  /**
   * The labelled counters met so far: the registry's own look-up takes a lock (it resolves the
   * application tag), which every webhook delivery queued on under load.
   */
  private final Map<String, Counter> labelled = new ConcurrentHashMap<>();

  private Counter checkoutSessions;
  private Counter portalSessions;
  private Counter featureAllowed;
  private Counter featureDenied;
  private Counter usageAllowed;
  private Counter usageBlocked;
  private Counter webhooksReceived;
  private Timer webhookTime;

  @PostConstruct
  void register() {
    checkoutSessions =
        counter(
            "billing_checkout_sessions_created", "Checkout sessions handed out (new or reused)");
    portalSessions = counter("billing_portal_sessions", "Customer Portal sessions handed out");
    String feature = "billing_entitlement_checks";
    String featureHelp = "check-feature-access answers by outcome (allowed, denied)";
    featureAllowed = counter(feature, featureHelp, new Tag("outcome", "allowed"));
    featureDenied = counter(feature, featureHelp, new Tag("outcome", "denied"));
    String usage = "billing_usage_checks";
    String usageHelp = "check-usage-limits answers by outcome (allowed, blocked)";
    usageAllowed = counter(usage, usageHelp, new Tag("outcome", "allowed"));
    usageBlocked = counter(usage, usageHelp, new Tag("outcome", "blocked"));
    webhooksReceived =
        counter(
            "billing_webhook_deliveries", "Webhook deliveries received, whatever their outcome");
    webhookTime =
        registry.timer(
            Metadata.builder()
                .withName("billing_webhook_processing")
                .withDescription(
                    "Time from a webhook delivery's arrival to its answer (verify, store, apply)")
                .withUnit(MetricUnits.SECONDS)
                .build());
  }

  /** Registered at start, so that every counter is on /metrics (at 0) before its first use. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    checkoutSessions.getCount();
  }

  public void checkoutSessionCreated() {
    checkoutSessions.inc();
  }

  public void portalSessionCreated() {
    portalSessions.inc();
  }

  public void featureChecked(boolean allowed) {
    (allowed ? featureAllowed : featureDenied).inc();
  }

  public void usageChecked(boolean allowed) {
    (allowed ? usageAllowed : usageBlocked).inc();
  }

  /** A verified delivery's outcome; {@code type} is the event's, read after its signature. */
  public void webhookAnswered(String type, String outcome, Duration took) {
    webhooksReceived.inc();
    labelled
        .computeIfAbsent(
            "event\n" + type + '\n' + outcome,
            k ->
                registry.counter(
                    WEBHOOK_EVENTS, new Tag("type", type), new Tag("outcome", outcome)))
        .inc();
    webhookTime.update(took);
  }

  /** A delivery refused before anything was stored: its type is not trusted, so not a label. */
  public void webhookRejected(String reason, Duration took) {
    webhooksReceived.inc();
    labelled
        .computeIfAbsent(
            "rejected\n" + reason,
            k -> registry.counter(WEBHOOK_REJECTED, new Tag("reason", reason)))
        .inc();
    webhookTime.update(took);
  }

  private Counter counter(String name, String description, Tag... tags) {
    return registry.counter(
        Metadata.builder().withName(name).withDescription(description).build(), tags);
  }
}
