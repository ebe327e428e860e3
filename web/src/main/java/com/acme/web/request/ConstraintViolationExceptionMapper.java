package com.acme.web.request;

import com.acme.web.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed Bean Validation: 400 listing each field and what is wrong with it. A field of the body is
 * named by its JSON path ({@code environments.development.rolloutPercentage}); a path, query or
 * header parameter by its name, with {@code in} saying where it was sent.
 */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Map<String, String>> errors =
        exception.getConstraintViolations().stream()
            .map(ConstraintViolationExceptionMapper::error)
            .sorted(Comparator.comparing((Map<String, String> e) -> e.get("field")))
            .distinct()
            .toList();
    String fields = String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList());
    Problem problem =
        Problem.of(
            400,
            "validation-failed",
            "Validation failed",
            "Some fields are missing or invalid: " + fields + ".");
    if (!errors.isEmpty()) {
      problem.with("field", errors.get(0).get("field"));
    }
    return problem.with("errors", errors).toResponse();
  }

  private static Map<String, String> error(ConstraintViolation<?> violation) {
    String in = "body";
    StringBuilder name = new StringBuilder();
    Path.MethodNode method = null;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD -> method = node.as(Path.MethodNode.class);
        case PARAMETER -> {
          String[] parameter =
              jaxRsParameter(
                  violation.getRootBeanClass(),
                  method,
                  node.as(Path.ParameterNode.class).getParameterIndex());
          if (parameter != null) {
            name.append(parameter[0]);
            in = parameter[1];
          }
        }
        case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
          if (node.isInIterable()) {
            Object key = node.getKey() != null ? node.getKey() : node.getIndex();
            if (key != null) {
              append(name, String.valueOf(key));
            }
          }
          if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
            append(name, node.getName());
          }
        }
        default -> {}
      }
    }
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", name.isEmpty() ? "body" : name.toString());
    if (!"body".equals(in)) {
      error.put("in", in);
    }
    error.put("message", violation.getMessage());
    return error;
  }

  private static void append(StringBuilder name, String segment) {
    if (!name.isEmpty()) {
      name.append('.');
    }
    name.append(segment);
  }

  /**
   * The JAX-RS name and place ({@code path}, {@code query}, {@code header}) of a resource method's
   * parameter, or null for the body. The validated bean may be a container subclass of the
   * resource, so the class hierarchy is searched for the declaration that carries the annotations.
   */
  private static String[] jaxRsParameter(Class<?> type, Path.MethodNode method, int index) {
    if (method == null) {
      return null;
    }
    Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method declared = c.getDeclaredMethod(method.getName(), types);
        String[] parameter =
            WholeNumberParamConverters.parameter(declared.getParameterAnnotations()[index]);
        if (parameter != null) {
          return parameter;
        }
      } catch (NoSuchMethodException | IndexOutOfBoundsException notHere) {
        // look in the superclass
      }
    }
    return null;
  }
}
