package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

  static PublicBaseUrl of(String configured, int serverPort) {
    return new PublicBaseUrl(new ProviderProperties(configured, "星海客服外包服务有限公司"), serverPort);
  }

  @Test
  void shouldUseTheServerPortWhenNoAddressIsConfigured() {
    assertThat(of(null, 9090).get()).isEqualTo("http://localhost:9090");
    assertThat(of("  ", 9090).get()).isEqualTo("http://localhost:9090");
    assertThat(of("", 9090).get()).isEqualTo("http://localhost:9090");
  }

  @Test
  void shouldKeepAConfiguredAddressWithoutItsTrailingSlash() {
    assertThat(of("https://contracts.example.com/", 9090).get()).isEqualTo("https://contracts.example.com");
    assertThat(of("https://example.com/bpo", 9090).get()).isEqualTo("https://example.com/bpo");
  }

  @Test
  void shouldRefuseAnAddressThatIsNoAbsoluteHttpUrl() {
    for (String wrong : new String[] {"contracts.example.com", "ftp://example.com", "https://", "https://x.com/?a=1"}) {
      assertThatThrownBy(() -> of(wrong, 8080)).as(wrong).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("BPO_BASE_URL");
    }
  }
}
