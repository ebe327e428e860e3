package com.acme.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Failed Bean Validation: 400 listing each field and what is wrong with it. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Map<String, String>> errors =
        exception.getConstraintViolations().stream()
            .map(v -> Map.of("field", fieldName(v), "message", v.getMessage()))
            .sorted(Comparator.comparing((Map<String, String> e) -> e.get("field")))
            .toList();
    String fields = String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList());
    return Problem.of(
            400,
            "validation-failed",
            "Validation failed",
            "Some fields are missing or invalid: " + fields + ".")
        .with("errors", errors)
        .toResponse();
  }

  /** The JSON field path, without the Java method and parameter names in front of it. */
  private static String fieldName(ConstraintViolation<?> violation) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, PARAMETER, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        default -> {
          if (!name.isEmpty()) {
            name.append('.');
          }
          name.append(node.getName());
        }
      }
    }
    return name.isEmpty() ? "body" : name.toString();
  }
}
