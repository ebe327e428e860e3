package com.acme.web.request;

import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Liberty's MP-JWT filter answers 401 and 403 with an empty body before any exception mapper runs.
 * This gives those answers (and any other bodiless error) a problem body; the status and {@code
 * WWW-Authenticate} header are kept.
 */
@Provider
public class SecurityProblemFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status >= 400 && status < 500 && !response.hasEntity()) {
      Problem problem = HttpProblems.forStatus(status);
      response.setEntity(problem.body(), null, Problem.MEDIA);
    }
  }
}
