package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadUserAndPasswordWhichMayContainColons() {
    assertThat(BasicCredentials.of(basic("sales:pa:ss 字"))).contains(new BasicCredentials("sales", "pa:ss 字"));
    assertThat(BasicCredentials.of("basic " + basic("sales:demo").substring(6)))
        .as("the scheme in any case").contains(new BasicCredentials("sales", "demo"));
    assertThat(BasicCredentials.of(basic("sales:"))).contains(new BasicCredentials("sales", ""));
  }

  @Test
  void shouldReadNothingFromAnotherSchemeOrAnUnreadableHeader() {
    assertThat(BasicCredentials.of(null)).isEmpty();
    assertThat(BasicCredentials.of("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.of("Basic !!!")).isEmpty();
    assertThat(BasicCredentials.of(basic("no-colon"))).isEmpty();
    assertThat(BasicCredentials.of(basic(":password"))).as("no user").isEmpty();
  }

  @Test
  void shouldNeverShowThePasswordInText() {
    assertThat(new BasicCredentials("sales", "secret").toString()).doesNotContain("secret").contains("sales");
  }
}
