package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Remembered REST credentials never outlive a password change or a removed membership on this node. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:rest-credentials-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "bpo.security.rest-credential-cache=PT1H",
    "camunda.bpm.job-execution.enabled=false"})
class RestCredentialsHttpTest {

  static final String USER = "restcredentials";

  @Autowired
  TestRestTemplate http;
  @Autowired
  IdentityService identityService;

  @BeforeEach
  void aSalesUser() {
    User user = identityService.newUser(USER);
    user.setPassword("first-password-1");
    identityService.saveUser(user);
    identityService.createMembership(USER, "sales");
  }

  @AfterEach
  void removeIt() {
    identityService.deleteUser(USER);
  }

  int status(String password, String path) {
    return http.withBasicAuth(USER, password).getForEntity("/engine-rest" + path, String.class).getStatusCode().value();
  }

  @Test
  void shouldRefuseTheOldPasswordAsSoonAsItIsChanged() {
    assertThat(status("first-password-1", "/task/count")).isEqualTo(200);
    assertThat(status("first-password-1", "/task/count")).isEqualTo(200);

    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword("second-password-2");
    identityService.saveUser(user);

    // the new password first: a refused one delays the user's next login (the engine's login delay)
    assertThat(status("second-password-2", "/task/count")).isEqualTo(200);
    assertThat(status("first-password-1", "/task/count")).isEqualTo(401);
  }

  @Test
  void shouldDropAGroupAsSoonAsTheMembershipIsRemoved() {
    String startable = "/process-definition/key/contract-signing";
    assertThat(status("first-password-1", startable)).as("sales reads the contract process").isEqualTo(200);

    identityService.deleteMembership(USER, "sales");

    assertThat(status("first-password-1", startable)).isIn(403, 404);
  }
}
