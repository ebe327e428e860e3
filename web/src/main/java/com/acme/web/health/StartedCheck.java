package com.acme.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** UP once the application has initialised (the production guard has passed). */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

  private volatile boolean started;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("application").status(started).build();
  }
}
