package com.acme.it.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements a PostgreSQL client sends on one connection (Execute and simple Query
 * messages of the frontend protocol), from the bytes as they pass through {@link DatabaseProxy}.
 * Untyped start-up messages (SSL and GSS requests, then the startup packet) come first.
 */
final class PgStatementCounter {

  /** SSL and GSS encryption requests are 8 bytes long; the startup packet is always longer. */
  private static final int ENCRYPTION_REQUEST_LENGTH = 8;

  private final AtomicLong total;
  private final byte[] header = new byte[5];
  private boolean started;
  private int headerFill;
  private long remaining;

  PgStatementCounter(AtomicLong total) {
    this.total = total;
  }

  void accept(byte[] buffer, int length) {
    int i = 0;
    while (i < length) {
      if (remaining > 0) {
        int skip = (int) Math.min(remaining, length - i);
        remaining -= skip;
        i += skip;
        continue;
      }
      int headerSize = started ? 5 : 4;
      header[headerFill++] = buffer[i++];
      if (headerFill < headerSize) {
        continue;
      }
      headerFill = 0;
      int offset = started ? 1 : 0;
      int messageLength =
          ((header[offset] & 0xff) << 24)
              | ((header[offset + 1] & 0xff) << 16)
              | ((header[offset + 2] & 0xff) << 8)
              | (header[offset + 3] & 0xff);
      remaining = messageLength - 4L;
      if (started) {
        char type = (char) header[0];
        if (type == 'E' || type == 'Q') {
          total.incrementAndGet();
        }
      } else if (messageLength != ENCRYPTION_REQUEST_LENGTH) {
        started = true;
      }
    }
  }
}
