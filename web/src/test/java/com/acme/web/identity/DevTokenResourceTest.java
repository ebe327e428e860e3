package com.acme.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DevTokenResourceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "127.5.6.7", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1"})
  void loopbackAddressesAreThisMachine(String address) {
    assertThat(DevTokenResource.isLoopback(address)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "192.0.2.2",
        "10.0.0.1",
        "0.0.0.0",
        "fd00::2",
        "::",
        "localhost",
        "127.0.0.1.example.com"
      })
  void otherAddressesAndNamesAreNot(String address) {
    assertThat(DevTokenResource.isLoopback(address)).isFalse();
  }
}
