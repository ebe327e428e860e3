package com.acme.flags.service;

import com.acme.flags.api.FlagsModuleStatus;
import com.acme.flags.store.FlagNotices;
import com.acme.flags.store.FlagRepository;
import com.acme.platform.notify.ChangeChannel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies flag changes made on other instances: reloads the flags when the change counter moved,
 * checked when PostgreSQL notifies a change and, as the fallback (and the only way on H2), every
 * second.
 */
@Startup
@Singleton
public class FlagChangePoller {

  private static final Logger LOG = Logger.getLogger(FlagChangePoller.class.getName());

  @Inject FlagRepository repository;
  @Inject FlagCache cache;
  @EJB FlagsModuleStatus schema;
  @Inject FlagNotices notices;
  @Resource SessionContext context;

  /** The one-second poll, the fallback of the notifications; off only to prove them in tests. */
  @Inject
  @ConfigProperty(name = "app.change-poll.enabled", defaultValue = "true")
  boolean pollEnabled;

  /**
   * The fast path: another instance's change, heard through PostgreSQL within milliseconds, reloads
   * the flags at once (through this bean, on a container thread's terms: transaction, context).
   */
  @PostConstruct
  void listen() {
    FlagChangePoller self = context.getBusinessObject(FlagChangePoller.class);
    notices.listen(
        new ChangeChannel.Listener() {
          @Override
          public void changed(String key) {
            self.refresh();
          }

          @Override
          public void mayHaveMissed() {
            self.refresh();
          }
        });
  }

  /** The fallback poll, every second (unless turned off). */
  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void poll() {
    if (!pollEnabled) {
      return;
    }
    refresh();
  }

  /** Reloads the flags if the change counter moved. */
  public void refresh() {
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
