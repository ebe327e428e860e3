package com.acme.web.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictJsonInterceptorTest {

  @Test
  void depthCountsBracketsOutsideStringsOnly() {
    String deep = "{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}";
    assertThat(StrictJsonInterceptor.exceedsDepth(deep)).isFalse();
    assertThat(
            StrictJsonInterceptor.exceedsDepth("{\"a\":" + "[".repeat(32) + "]".repeat(32) + "}"))
        .isTrue();
    assertThat(StrictJsonInterceptor.exceedsDepth("{\"a\":\"" + "[".repeat(100) + "\"}")).isFalse();
    assertThat(StrictJsonInterceptor.exceedsDepth("{\"a\":\"\\\"" + "{".repeat(100) + "\"}"))
        .isFalse();
  }

  @Test
  void textWithControlCharactersOrLoneSurrogatesIsUnusable() {
    assertThat(StrictJsonInterceptor.unusableText("plain text, tab\t and\r\nnewlines")).isNull();
    assertThat(StrictJsonInterceptor.unusableText("emoji 💥 is a pair")).isNull();
    assertThat(StrictJsonInterceptor.unusableText("a\u0000b")).contains("control");
    assertThat(StrictJsonInterceptor.unusableText("a\u007fb")).contains("control");
    assertThat(StrictJsonInterceptor.unusableText("a\ud800b")).contains("surrogate");
    assertThat(StrictJsonInterceptor.unusableText("a\udc00")).contains("surrogate");
  }
}
