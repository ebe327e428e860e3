package com.acme.billing.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** Whether the billing module can serve: its schema is migrated and its plans are loaded. */
@Local
public interface BillingModuleStatus {

  /** Empty when ready; otherwise why not, in words an operator can act on. */
  Optional<String> notReadyReason();

  /**
   * Why the application must not start with this configuration, naming the setting at fault (the
   * data keys cannot be loaded, or cannot open what the database holds); empty when nothing stands
   * against it, or when that could not be checked yet because the database is down (the module then
   * checks when it comes back, and stays not ready if it must).
   */
  Optional<String> startRefusal();

  /**
   * Which payment side serves ({@code sandbox} or {@code stripe}) and what keeps it from taking
   * money: settings that are missing, named, never their values. Empty problems: complete.
   */
  record PaymentConfiguration(String mode, List<String> problems) {}

  PaymentConfiguration paymentConfiguration();
}
