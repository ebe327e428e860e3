package com.acme.web.problem;

/** Thrown by resources to answer with a problem; {@link ProblemExceptionMapper} renders it. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(String.valueOf(problem.body().get("detail")), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
