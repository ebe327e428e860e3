package com.acme.flags.service;

import com.acme.flags.api.FlagsModuleStatus;
import com.acme.flags.store.FlagRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies flag changes made on other instances: reads the change counter every second and reloads
 * the flags when it moved. Works on H2 and PostgreSQL alike.
 */
@Startup
@Singleton
public class FlagChangePoller {

  private static final Logger LOG = Logger.getLogger(FlagChangePoller.class.getName());

  @Inject FlagRepository repository;
  @Inject FlagCache cache;
  @EJB FlagsModuleStatus schema;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void poll() {
    if (schema.notReadyReason().isPresent()) {
      return;
    }
    try {
      if (repository.changeCounter() != cache.loadedCounter()) {
        cache.reload();
      }
    } catch (PersistenceException e) {
      LOG.log(Level.FINE, "flag change poll failed; retrying next second", e);
    }
  }
}
