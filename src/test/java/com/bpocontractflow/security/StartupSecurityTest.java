package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.BpoContractFlowApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile there are no demo users and no default administrator password. */
class StartupSecurityTest {

  static final String[] COMMON = {"--server.port=0", "--camunda.bpm.job-execution.enabled=false",
      "--bpo.mail.sender-enabled=false"};

  static String[] args(String database, String... extra) {
    String[] all = new String[COMMON.length + extra.length + 1];
    System.arraycopy(COMMON, 0, all, 0, COMMON.length);
    System.arraycopy(extra, 0, all, COMMON.length, extra.length);
    all[all.length - 1] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
    return all;
  }

  @Test
  void shouldRefuseToStartOutsideTheDemoProfileWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("no-admin-password", "--spring.profiles.active=production")).close())
        .hasStackTraceContaining(AdminPasswordRequired.MESSAGE);
  }

  @Test
  void shouldRefuseAShortAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("short-admin-password", "--spring.profiles.active=production",
            "--camunda.bpm.admin-user.password=demo")).close())
        .hasStackTraceContaining(AdminPasswordRequired.MESSAGE);
  }

  @Test
  void shouldStartWithTheAdminFromTheEnvironmentAndNoDemoUsers() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("production-users", "--spring.profiles.active=production",
            "--camunda.bpm.admin-user.password=a-long-secret-from-env"))) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "a-long-secret-from-env")).isTrue();
      assertThat(identity.createUserQuery().userId("sales").count()).isZero();
      assertThat(identity.createGroupQuery().groupId("finance").count()).isEqualTo(1);
    }
  }
}
