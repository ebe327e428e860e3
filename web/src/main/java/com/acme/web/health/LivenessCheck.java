package com.acme.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The process can serve requests. Deliberately independent of the database: a database outage is a
 * readiness matter, and restarting the server would not cure it.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    return HealthCheckResponse.named("process")
        .status(free > 0)
        .withData("freeHeapBytes", free)
        .build();
  }
}
