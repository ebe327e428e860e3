package com.acme.web.request;

import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters follow the rule bodies follow ({@link StrictJsonInterceptor}): no
 * control characters other than tab, line feed and carriage return, and no lone surrogates, or a
 * 400 {@code invalid-parameter} naming the parameter before any resource runs. ({@code %00} in a
 * path never gets here: Liberty refuses such a URI itself.)
 */
@Provider
public class ParameterTextFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    check(request.getUriInfo().getPathParameters(true), "path");
    check(request.getUriInfo().getQueryParameters(true), "query");
  }

  private static void check(MultivaluedMap<String, String> parameters, String in) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String nameProblem = StrictJsonInterceptor.unusableText(parameter.getKey());
      for (String value : parameter.getValue()) {
        String problem =
            nameProblem != null ? nameProblem : StrictJsonInterceptor.unusableText(value);
        if (problem != null) {
          String name = nameProblem != null ? "(a parameter name)" : parameter.getKey();
          throw new ProblemException(
              Problem.of(
                      400,
                      "invalid-parameter",
                      "Invalid parameter",
                      "The " + in + " parameter " + name + " " + problem + ".")
                  .with("field", name)
                  .with("in", in));
        }
      }
    }
  }
}
