package com.bpocontractflow.team;

import com.bpocontractflow.mail.PublicBaseUrl;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one user per team (user id = role, password from {@code bpo.demo.password}) and
 * a log line that says where to log in.
 */
@Component
@ConditionalOnProperty("bpo.demo.enabled")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
  /** The demo's API key for the integration endpoints; its SHA-256 is in application-demo.yaml. */
  public static final String DEMO_INTEGRATION_KEY = "demo-integration-key-not-for-production";

  private final IdentityService identityService;
  private final String password;
  private final PublicBaseUrl baseUrl;

  public DemoUsers(IdentityService identityService, @Value("${bpo.demo.password}") String password,
      PublicBaseUrl baseUrl) {
    this.identityService = identityService;
    this.password = password;
    this.baseUrl = baseUrl;
  }

  @EventListener
  @Order(10)
  public void onEngineStarted(ApplicationStartedEvent event) {
    createUser("sales", "小王", "销售", Teams.SALES);
    createUser("legal", "小李", "法务", Teams.LEGAL);
    createUser("finance", "小陈", "财务", Teams.FINANCE);
    createUser("onboarding", "小赵", "实施", Teams.ONBOARDING);
    createUser("manager", "张", "经理", Teams.MANAGERS);
    // systems no longer log in to the engine (they use API keys): an earlier demo's REST user goes
    if (identityService.createUserQuery().userId("payments").count() > 0) {
      identityService.deleteUser("payments");
    }
    if (identityService.createUserQuery().userId("admin").count() > 0
        && identityService.createUserQuery().userId("admin").memberOfGroup(Teams.MANAGERS.groupId()).count() == 0) {
      identityService.createMembership("admin", Teams.MANAGERS.groupId());
    }
    LOG.info("""

        ==================================================================================
         BPO Contract Flow (demo profile) is ready: {}/camunda/app/tasklist/
         Demo users, password "{}": sales, legal, finance, onboarding, manager, admin
         Integration endpoints (/api/integrations/*): Authorization: Bearer {}
         E-mails are not sent in the demo: read them (and answer as the merchant) at {}/staff/outbox
        ==================================================================================""",
        baseUrl.get(), password, DEMO_INTEGRATION_KEY, baseUrl.get());
  }

  private void createUser(String id, String firstName, String lastName, Teams team) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@bpo.example.com");
      user.setPassword(password);
      identityService.saveUser(user);
      identityService.createMembership(id, team.groupId());
    }
  }
}
