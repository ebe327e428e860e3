package com.acme.flags.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** Whether the flags module can serve: its schema is migrated and its flags are loaded. */
@Local
public interface FlagsModuleStatus {

  /** Empty when ready; otherwise why not, in words an operator can act on. */
  Optional<String> notReadyReason();
}
