package com.acme.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class ChangeChannelTest {

  @Test
  void anotherInstancesPayloadNamesItsKeyAndThisInstancesOwnIsIgnored() {
    assertThat(ChangeChannel.foreignKey("0ther123:cust_42")).contains("cust_42");
    assertThat(ChangeChannel.foreignKey("0ther123:key:with:colons")).contains("key:with:colons");
    assertThat(ChangeChannel.foreignKey(ChangeChannel.payload("cust_42"))).isEmpty();
    assertThat(ChangeChannel.foreignKey("no-instance-mark")).isEmpty();
  }

  @Test
  void aChannelNameThatCouldNotBeListenedToIsRefused() {
    assertThatThrownBy(() -> ChangeChannel.listen(new JdbcDataSource(), "x; drop", listener()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onH2TheListenerEndsByItselfAndWritersAreToldNotToNotify() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:channel");
    ChangeChannel channel = ChangeChannel.listen(h2, "test_changes", listener());

    for (int i = 0; i < 100 && channel.running(); i++) {
      Thread.sleep(50);
    }

    assertThat(channel.running()).isFalse();
    assertThat(channel.onPostgres()).isFalse();
  }

  private static ChangeChannel.Listener listener() {
    return new ChangeChannel.Listener() {
      @Override
      public void changed(String key) {}

      @Override
      public void mayHaveMissed() {}
    };
  }
}
