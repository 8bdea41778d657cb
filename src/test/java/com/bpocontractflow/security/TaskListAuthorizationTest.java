package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.SigningTestData;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The team task list's query (TaskListAuthorization) is the one the engine runs, and it lets each user see
 * exactly what the engine's own authorization check lets them see: every kind of grant, a permission that
 * is not READ, and a revocation (the engine's own check then).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:task-list-authorization-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class TaskListAuthorizationTest {

  /** A user of no team: sees only what a test grants. */
  static final String OUTSIDER = "tasklist-outsider";
  static final String OUTSIDER_GROUP = "tasklist-outsider-group";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  FilterService filterService;

  final List<String> grants = new ArrayList<>();
  String first;
  String second;
  String firstTask;
  String secondTask;

  @BeforeEach
  void twoContractsWaitingForSales() {
    first = runtimeService.startProcessInstanceByKey("contract-signing", SigningTestData.request()).getId();
    second = runtimeService.startProcessInstanceByKey("contract-signing", SigningTestData.request()).getId();
    firstTask = taskService.createTaskQuery().processInstanceId(first).singleResult().getId();
    secondTask = taskService.createTaskQuery().processInstanceId(second).singleResult().getId();
  }

  @AfterEach
  void removeGrantsAndContracts() {
    identityService.clearAuthentication();
    grants.forEach(authorizationService::deleteAuthorization);
    runtimeService.deleteProcessInstance(first, "test over");
    runtimeService.deleteProcessInstance(second, "test over");
  }

  /**
   * The ids of this test's two contracts' tasks that {@code user} of {@code groups} sees, list and count;
   * the same as the engine's own query lets them see.
   */
  List<String> visibleTo(String user, List<String> groups) {
    List<String> ours = query(user, groups);
    var sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
    var mappings = sessions.getStatementMappings();
    var enginesOwn = new java.util.HashMap<>(mappings);
    TaskListAuthorization.STATEMENTS.keySet()
        .forEach(name -> enginesOwn.put(name, "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity." + name));
    sessions.setStatementMappings(enginesOwn);
    try {
      assertThat(ours).as("what the engine's own query shows").containsExactlyInAnyOrderElementsOf(query(user, groups));
    } finally {
      sessions.setStatementMappings(mappings);
    }
    return ours;
  }

  private List<String> query(String user, List<String> groups) {
    identityService.setAuthentication(user, groups);
    try {
      // paged along an index: each task read is checked by an index probe (the correlated form)
      TaskQuery query = taskService.createTaskQuery().processInstanceIdIn(first, second).orderByTaskCreateTime().desc();
      List<String> ids = query.listPage(0, 50).stream().map(Task::getId).toList();
      // sorted by a column without an index, and counted: the grants hashed once (the uncorrelated form)
      List<String> byDueDate = taskService.createTaskQuery().processInstanceIdIn(first, second).orderByDueDate().asc()
          .listPage(0, 50).stream().map(Task::getId).toList();
      assertThat(byDueDate).as("both forms of the check agree").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(query.count()).as("count agrees with the list").isEqualTo(ids.size());
      return ids;
    } finally {
      identityService.clearAuthentication();
    }
  }

  void grant(int type, org.camunda.bpm.engine.authorization.Resource resource, String resourceId, String user,
      String group, org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (user != null) {
      authorization.setUserId(user);
    } else {
      authorization.setGroupId(group);
    }
    for (var permission : permissions) {
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        authorization.removePermission(permission); // a revocation holds every permission but the revoked
      } else {
        authorization.addPermission(permission);
      }
    }
    grants.add(authorizationService.saveAuthorization(authorization).getId());
  }

  @Test
  void shouldRunTheTaskListsQueryInsteadOfTheEngines() {
    var sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
    assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo(TaskListAuthorization.NAMESPACE + ".selectTaskByQueryCriteriaHashedAuthorization");
    assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo(TaskListAuthorization.NAMESPACE + ".selectTaskCountByQueryCriteriaHashedAuthorization");
  }

  @Test
  void shouldCheckEachTaskByAnIndexProbeOnlyWhenTheListIsPagedAlongAnIndex() {
    assertThat(TaskListAuthorization.pagedByIndex(List.of())).as("unsorted: the engine orders by id").isTrue();
    assertThat(TaskListAuthorization.pagedByIndex(orderings(taskService.createTaskQuery().orderByTaskCreateTime().desc())))
        .isTrue();
    assertThat(TaskListAuthorization.pagedByIndex(orderings(taskService.createTaskQuery().orderByDueDate().asc())))
        .isFalse();
    assertThat(TaskListAuthorization.pagedByIndex(orderings(taskService.createTaskQuery()
        .orderByProcessVariable("contractNumber", ValueType.STRING).asc())))
        .as("ordered by a variable (another table)").isFalse();
  }

  private static List<QueryOrderingProperty> orderings(TaskQuery query) {
    return ((TaskQueryImpl) query).getOrderingProperties();
  }

  @Test
  void shouldBeDerivedFromTheEngineThatRuns() {
    assertThat(ProcessEngine.class.getPackage().getImplementationVersion())
        .as("engine/task-list-authorization.xml is derived from this engine version's Task.xml: compare them "
            + "again, then update TaskListAuthorization.DERIVED_FROM_ENGINE")
        .isEqualTo(TaskListAuthorization.DERIVED_FROM_ENGINE);
  }

  @Test
  void shouldShowATeamItsCandidateTasksAndAnotherTeamNone() {
    assertThat(visibleTo("sales", List.of("sales"))).containsExactlyInAnyOrder(firstTask, secondTask);
    assertThat(visibleTo("legal", List.of("legal"))).isEmpty();
    assertThat(visibleTo(OUTSIDER, List.of())).isEmpty();
  }

  @Test
  void shouldShowATaskGrantedToTheUserOrToOneOfItsGroupsOnly() {
    grant(Authorization.AUTH_TYPE_GRANT, Resources.TASK, firstTask, OUTSIDER, null, Permissions.READ);
    assertThat(visibleTo(OUTSIDER, List.of())).containsExactly(firstTask);

    grant(Authorization.AUTH_TYPE_GRANT, Resources.TASK, secondTask, null, OUTSIDER_GROUP, Permissions.READ);
    assertThat(visibleTo(OUTSIDER, List.of(OUTSIDER_GROUP))).containsExactlyInAnyOrder(firstTask, secondTask);
    assertThat(visibleTo("someone-else", List.of(OUTSIDER_GROUP))).containsExactly(secondTask);
  }

  @Test
  void shouldNotShowATaskForAPermissionOtherThanRead() {
    grant(Authorization.AUTH_TYPE_GRANT, Resources.TASK, firstTask, OUTSIDER, null, TaskPermissions.TASK_WORK);
    grant(Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_DEFINITION, "contract-signing", OUTSIDER, null,
        ProcessDefinitionPermissions.READ);
    assertThat(visibleTo(OUTSIDER, List.of())).isEmpty();
  }

  @Test
  void shouldShowEveryTaskOfAProcessGrantedByItsKeyOrOnEveryProcess() {
    grant(Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_DEFINITION, "contract-signing", null, OUTSIDER_GROUP,
        ProcessDefinitionPermissions.READ_TASK);
    assertThat(visibleTo(OUTSIDER, List.of(OUTSIDER_GROUP))).containsExactlyInAnyOrder(firstTask, secondTask);
    assertThat(visibleTo(OUTSIDER, List.of())).isEmpty();

    grant(Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_DEFINITION, "contract-term", OUTSIDER, null,
        ProcessDefinitionPermissions.READ_TASK);
    assertThat(visibleTo(OUTSIDER, List.of())).as("another process's tasks only").isEmpty();

    grant(Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_DEFINITION, Authorization.ANY, OUTSIDER, null,
        ProcessDefinitionPermissions.READ_TASK);
    assertThat(visibleTo(OUTSIDER, List.of())).containsExactlyInAnyOrder(firstTask, secondTask);
  }

  @Test
  void shouldShowEveryTaskToAUserGrantedReadOnAllTasksOrToEveryone() {
    grant(Authorization.AUTH_TYPE_GRANT, Resources.TASK, Authorization.ANY, OUTSIDER, null, Permissions.READ);
    assertThat(visibleTo(OUTSIDER, List.of())).containsExactlyInAnyOrder(firstTask, secondTask);
    assertThat(visibleTo("someone-else", List.of())).isEmpty();

    grant(Authorization.AUTH_TYPE_GLOBAL, Resources.TASK, firstTask, Authorization.ANY, null, Permissions.READ);
    assertThat(visibleTo("someone-else", List.of())).containsExactly(firstTask);
  }

  @Test
  void shouldHideARevokedTaskThroughTheEnginesOwnCheck() {
    grant(Authorization.AUTH_TYPE_REVOKE, Resources.TASK, firstTask, "sales", null, Permissions.READ);
    assertThat(visibleTo("sales", List.of("sales"))).containsExactly(secondTask);
  }

  @Test
  void shouldListATeamsFilterThroughTheSameQuery() {
    Filter salesFilter = filterService.createTaskFilterQuery().list().stream()
        .filter(filter -> filter.getQuery() instanceof org.camunda.bpm.engine.impl.TaskQueryImpl query
            && "sales".equals(query.getCandidateGroup()))
        .findFirst().orElseThrow();
    identityService.setAuthentication("sales", List.of("sales"));
    try {
      List<String> listed = filterService.<Task>list(salesFilter.getId()).stream().map(Task::getId).toList();
      assertThat(listed).contains(firstTask, secondTask);
      assertThat(filterService.count(salesFilter.getId())).isEqualTo(listed.size());
    } finally {
      identityService.clearAuthentication();
    }
  }
}
