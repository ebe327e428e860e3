package com.acme.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON as the API promises it: absent values are written as {@code null} (clients see every
 * documented field), and a request with a field the API does not know is refused (400) rather than
 * silently ignored, so that a typo such as {@code "enfroce": false} cannot go unnoticed.
 */
@Provider
public class JsonbConfigProvider implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
