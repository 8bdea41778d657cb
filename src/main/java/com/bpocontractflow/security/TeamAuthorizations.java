package com.bpocontractflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.bpocontractflow.team.Teams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The access model, in the engine's own authorizations (docs/access.md is the same table in words).
 * <ul>
 * <li>Teams claim and complete the tasks offered to their group: the engine grants the candidate group
 * READ and TASK_WORK on each task ({@code defaultUserPermissionNameForTask: TASK_WORK}) — no variable writes
 * outside a form, no hand-over. They read their tasks' variables, start what README lists, hold nothing on
 * process instances.</li>
 * <li>Managers read everything (Cockpit), work and assign every task, retry failed jobs; no modification,
 * variable edits, suspension or deletion.</li>
 * <li>{@code camunda-admin} may do everything (the engine's administrator group).</li>
 * <li>Systems (payment, e-signature, customer service) and merchants have no engine rights: they reach the
 * processes through the application's integration endpoints and signed links ({@link ApplicationActions}).</li>
 * </ul>
 * Which team starts or reads which process is declared by each feature beside its process
 * ({@link ProcessAccess} beans); the grants every team and the managers hold whatever the processes are are
 * here. At start-up each of these grants is set to exactly these permissions (earlier, broader versions are
 * narrowed), the grants earlier versions gave systems and merchant links are removed, and the UPDATE that
 * earlier versions gave on each open task becomes TASK_WORK. Operators' own grants on other resources stay.
 */
@Component
class TeamAuthorizations {

  /**
   * Groups that earlier versions gave engine rights and that now hold none: the integration systems and the
   * merchant links' technical group (both act through {@link ApplicationActions} today).
   */
  static final List<String> NO_ENGINE_RIGHTS = List.of("integrations", "merchant");

  private final AuthorizationService authorizations;
  private final ObjectProvider<ProcessAccess> processes;

  TeamAuthorizations(AuthorizationService authorizations, ObjectProvider<ProcessAccess> processes) {
    this.authorizations = authorizations;
    this.processes = processes;
  }

  /** One grant: a group's exact permissions on one resource (or all of its kind). */
  record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
    Grant(String group, Resource resource, String resourceId, Permission... permissions) {
      this(group, resource, resourceId, List.of(permissions));
    }
  }

  /** Every grant of the model, for the processes the features declare. */
  static List<Grant> grants(List<ProcessAccess> processes) {
    List<Grant> grants = new ArrayList<>();
    for (Teams team : Teams.taskTeams()) {
      String group = team.groupId();
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(group, Resources.FILTER, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
    }
    List<ProcessAccess> sorted = processes.stream().sorted(Comparator.comparing(ProcessAccess::processKey)).toList();
    for (Teams team : Teams.taskTeams()) {
      boolean startsAny = false;
      for (ProcessAccess process : sorted) {
        if (process.startedBy().contains(team)) {
          grants.add(new Grant(team.groupId(), Resources.PROCESS_DEFINITION, process.processKey(),
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
          startsAny = true;
        } else if (process.readBy().contains(team)) {
          grants.add(new Grant(team.groupId(), Resources.PROCESS_DEFINITION, process.processKey(),
              ProcessDefinitionPermissions.READ));
        }
      }
      // a team that starts a process creates its instances (managers hold CREATE on all instances below)
      if (startsAny && team != Teams.MANAGERS) {
        grants.add(new Grant(team.groupId(), Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
      }
    }

    String managers = Teams.MANAGERS.groupId();
    grants.add(new Grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(managers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.RETRY_JOB));
    grants.add(new Grant(managers, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
        ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.CREATE));
    grants.add(new Grant(managers, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE,
        TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN));
    grants.add(new Grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(new Grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
    grants.add(new Grant(managers, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
    grants.add(new Grant(managers, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
    return grants;
  }

  @EventListener
  @Order(5)
  public void onEngineStarted(ApplicationStartedEvent event) {
    for (Grant grant : grants(processes.orderedStream().toList())) {
      setExactly(grant);
    }
    for (String group : NO_ENGINE_RIGHTS) {
      authorizations.createAuthorizationQuery().groupIdIn(group).list()
          .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
    narrowOpenTaskGrants();
  }

  /** Earlier versions let a task's candidates and assignee UPDATE it (set variables, hand it over). */
  private void narrowOpenTaskGrants() {
    for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .hasPermission(Permissions.UPDATE).list()) {
      if (!ANY.equals(authorization.getResourceId()) && authorization.getAuthorizationType() == AUTH_TYPE_GRANT) {
        authorization.removePermission(Permissions.UPDATE);
        authorization.addPermission(TaskPermissions.TASK_WORK);
        authorizations.saveAuthorization(authorization);
      }
    }
  }

  private void setExactly(Grant grant) {
    List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(grant.group())
        .resourceType(grant.resource()).resourceId(grant.resourceId()).authorizationType(AUTH_TYPE_GRANT).list();
    Authorization authorization = existing.isEmpty() ? null : existing.get(0);
    if (authorization != null && hasExactly(authorization, grant)) {
      return;
    }
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
    authorizations.saveAuthorization(authorization);
  }

  private static boolean hasExactly(Authorization authorization, Grant grant) {
    int wanted = grant.permissions().stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    return ((AuthorizationEntity) authorization).getPermissions() == wanted;
  }
}
