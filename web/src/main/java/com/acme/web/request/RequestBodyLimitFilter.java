package com.acme.web.request;

import com.acme.web.problem.PayloadTooLarge;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over {@code app.request.max-bytes} with 413: at once when Content-Length says so,
 * and while reading when the body is chunked or the header lies.
 */
@Provider
@PreMatching
public class RequestBodyLimitFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "app.request.max-bytes", defaultValue = "65536")
  long defaultMaxBytes;

  /**
   * Stripe's events are a few KiB (an invoice with many lines stays far below 64 KiB), so the
   * webhook has the same default; it has its own setting should an account's events ever need more.
   */
  @Inject
  @ConfigProperty(name = "app.request.max-bytes.webhook", defaultValue = "65536")
  long webhookMaxBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    long maxBytes =
        request.getUriInfo().getPath().endsWith("billing/webhook")
            ? webhookMaxBytes
            : defaultMaxBytes;
    if (request.getLength() > maxBytes) {
      request.abortWith(PayloadTooLarge.problem(maxBytes).toResponse());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }
  }

  private static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLarge {
      count += n;
      if (count > limit) {
        throw new PayloadTooLarge(limit);
      }
    }
  }
}
