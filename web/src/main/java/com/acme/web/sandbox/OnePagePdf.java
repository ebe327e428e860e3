package com.acme.web.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF with lines of plain text in Helvetica: the sandbox's stand-in for the invoice PDF
 * Stripe links to. Only printable ASCII is written (anything else becomes '?').
 */
final class OnePagePdf {

  private OnePagePdf() {}

  static byte[] of(List<String> lines) {
    StringBuilder text = new StringBuilder("BT /F1 12 Tf 72 760 Td 16 TL\n");
    for (String line : lines) {
      text.append('(').append(escape(line)).append(") Tj T*\n");
    }
    text.append("ET");
    String content = text.toString();
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static String escape(String line) {
    StringBuilder escaped = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '(' || c == ')' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c >= 32 && c < 127) {
        escaped.append(c);
      } else {
        escaped.append('?');
      }
    }
    return escaped.toString();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
