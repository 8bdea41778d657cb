package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The groups holding any authorization, which the engine asks in every command of an authenticated user, are
 * read along the group index (AuthorizedGroupIds) and are exactly the engine's own statement's answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:task-list-authorization-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class AuthorizedGroupIdsTest {

  static final String ENGINES_OWN = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity."
      + AuthorizedGroupIds.ENGINE_STATEMENT;

  @Autowired
  ProcessEngine engine;
  @Autowired
  AuthorizationService authorizationService;

  final List<String> grants = new ArrayList<>();

  @AfterEach
  void removeGrants() {
    grants.forEach(authorizationService::deleteAuthorization);
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  <T> T inCommand(Command<T> command) {
    return configuration().getCommandExecutorTxRequired().execute(command);
  }

  /** Ours, through the engine's statement name, as the engine asks it. */
  Set<String> ours() {
    return inCommand(context -> {
      Set<String> groups = new HashSet<>();
      for (Object group : context.getDbEntityManager().selectList(AuthorizedGroupIds.ENGINE_STATEMENT)) {
        groups.add((String) group);
      }
      return groups;
    });
  }

  /** The engine's own statement, called by its full name (the mapping does not apply to it). */
  Set<String> enginesOwn() {
    return inCommand(context -> {
      Set<String> groups = new HashSet<>(context.getDbSqlSession().getSqlSession().<String>selectList(ENGINES_OWN));
      groups.remove(null); // a user's grant has no group; the engine drops it too (AuthorizationManager.getAllGroups)
      return groups;
    });
  }

  void grant(int type, String user, String group, String resourceId) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(resourceId);
    if (user != null) {
      authorization.setUserId(user);
    } else {
      authorization.setGroupId(group);
    }
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    grants.add(authorizationService.saveAuthorization(authorization).getId());
  }

  @Test
  void shouldAnswerTheEnginesQuestionWithOurStatement() {
    assertThat(configuration().getDbSqlSessionFactory().mapStatement(AuthorizedGroupIds.ENGINE_STATEMENT))
        .isEqualTo(AuthorizedGroupIds.NAMESPACE + ".selectAuthorizedGroupIdsAlongIndex");
  }

  @Test
  void shouldFindEveryGroupHoldingAGrantOrARevocationExactlyAsTheEnginesStatement() {
    Set<String> before = ours();
    assertThat(before).as("the application's teams hold grants").contains("sales", "legal", "managers")
        .isEqualTo(enginesOwn());

    for (int task = 0; task < 5; task++) { // many rows of one group: still one answer for it
      grant(Authorization.AUTH_TYPE_GRANT, null, "agi-many", "agi-task-" + task);
    }
    grant(Authorization.AUTH_TYPE_GRANT, null, "agi-a", "agi-task-a"); // sorts before every other group
    grant(Authorization.AUTH_TYPE_GRANT, null, "zzz-agi-last", "agi-task-z"); // and after
    grant(Authorization.AUTH_TYPE_REVOKE, null, "agi-revoked", "agi-task-r");
    grant(Authorization.AUTH_TYPE_GRANT, "agi-user", null, "agi-task-u");
    grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, "agi-task-g");

    Set<String> after = ours();
    assertThat(after).isEqualTo(enginesOwn());
    assertThat(after).containsAll(before).contains("agi-many", "agi-a", "zzz-agi-last", "agi-revoked")
        .doesNotContain("agi-user", "*").doesNotContainNull().hasSize(before.size() + 4);

    removeGrants();
    grants.clear();
    assertThat(ours()).isEqualTo(before).isEqualTo(enginesOwn());
  }

  @Test
  void shouldKeepOnlyTheUsersGroupsThatHoldAGrantBeforeEachCheck() {
    grant(Authorization.AUTH_TYPE_GRANT, null, "agi-team", "agi-task-t");
    List<String> kept = inCommand(context -> context.getAuthorizationManager()
        .filterAuthenticatedGroupIds(List.of("agi-team", "agi-no-grant", "sales")));
    assertThat(kept).containsExactlyInAnyOrder("agi-team", "sales");
  }
}
