package com.acme.web.flags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The bodies the flags API accepts. */
public final class FlagRequests {

  private FlagRequests() {}

  public record State(
      @NotNull Boolean enabled, @NotNull @Min(0) @Max(100) Integer rolloutPercentage) {}

  public record Create(
      @NotBlank @Size(max = 64) String key,
      @Size(max = 500) String description,
      @Size(max = 3) Map<String, @Valid @NotNull State> environments) {}

  public record Replace(
      @Size(max = 64) String key,
      @Size(max = 500) String description,
      @NotNull @Size(max = 3) Map<String, @Valid @NotNull State> environments) {}

  public record Patch(
      Boolean enabled,
      @Min(0) @Max(100) Integer rolloutPercentage,
      @Size(max = 20) String environment,
      @Size(max = 500) String description) {}
}
