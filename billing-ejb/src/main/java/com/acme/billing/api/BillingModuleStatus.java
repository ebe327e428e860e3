package com.acme.billing.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** Whether the billing module can serve: its schema is migrated and its plans are loaded. */
@Local
public interface BillingModuleStatus {

  /** Empty when ready; otherwise why not, in words an operator can act on. */
  Optional<String> notReadyReason();
}
