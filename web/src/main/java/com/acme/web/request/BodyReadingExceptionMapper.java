package com.acme.web.request;

import com.acme.web.problem.RequestBodyProblems;
import com.acme.web.problem.UnexpectedExceptionMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BodyReadingExceptionMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException exception) {
    Response mapped = RequestBodyProblems.toResponse(exception);
    return mapped != null ? mapped : UnexpectedExceptionMapper.internalError(exception);
  }
}
