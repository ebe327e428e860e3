package com.acme.it.support.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: sends exactly the bytes a hostile
 * client would (a request target with malformed escapes, control characters in a path, any method,
 * any header, a body that is not UTF-8), which {@link java.net.http.HttpClient} refuses to build.
 */
public final class RawHttp {

  /** What came back. Header names are lower case; {@code status} is 0 if nothing came back. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private final String host;
  private final int port;

  public RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(host).append(':').append(port).append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException refusedWhileSending) {
        // The server may answer and close before it has read a body it refuses: read that answer.
      }
      return parse(readAll(socket.getInputStream()), "HEAD".equals(method));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + abbreviate(target), e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[16_384];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (IOException resetAfterAnswer) {
      if (all.size() == 0) {
        throw resetAfterAnswer;
      }
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw, boolean head) {
    int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
    if (end < 0) {
      return new Answer(0, Map.of(), new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (head) {
      body = new byte[0];
    } else if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = unchunk(body);
    } else if (headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length"));
      body = java.util.Arrays.copyOf(body, Math.min(length, body.length));
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
      if (lineEnd < 0) {
        break;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = size.indexOf(';');
      int length =
          Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (length == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(chunked, start, Math.min(length, chunked.length - start));
      at = start + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
