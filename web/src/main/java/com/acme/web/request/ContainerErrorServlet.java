package com.acme.web.request;

import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.Problem;
import com.acme.web.problem.UnexpectedExceptionMapper;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web module's error page ({@code WEB-INF/web.xml}): answers the errors that the servlet
 * container decides itself, outside JAX-RS and its exception mappers, as problems. Liberty refuses
 * a request URI with an encoded {@code /}, {@code .}, {@code \} or {@code #} (Servlet 6.0 URI
 * canonicalisation), a URI that is not UTF-8, or an unreadable {@code Content-Type} header with a
 * 400 whose default page is HTML naming Liberty's classes. Nothing of the container's message is
 * copied.
 */
@WebServlet(name = "ContainerErrors", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/_error";

  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Problem problem;
    int status;
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      status = 404; // requested directly: there is nothing here
      problem = HttpProblems.forStatus(status);
    } else {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
      Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      problem = problem(status, error instanceof Throwable t ? t : null);
    }
    byte[] body = JSONB.toJson(problem.body()).getBytes(StandardCharsets.UTF_8);
    if (!response.isCommitted()) {
      response.resetBuffer();
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  static Problem problem(int status, Throwable error) {
    if (status >= 500) {
      return UnexpectedExceptionMapper.incident(error);
    }
    if (status == 400 && isUriRefusal(error)) {
      return Problem.of(
          400,
          "invalid-request-uri",
          "Invalid request URI",
          "The request URI has characters that are not allowed in a path: an encoded '/', '.',"
              + " '\\' or '#', a control character, or bytes that are not UTF-8. Percent-encode"
              + " path values as UTF-8 and leave those characters out.");
    }
    return HttpProblems.forStatus(status);
  }

  /** Liberty's refusal of a URI under Servlet 6.0's canonicalisation rules (message CWWWC0005I). */
  private static boolean isUriRefusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("CWWWC0005I")) {
        return true;
      }
    }
    return false;
  }
}
