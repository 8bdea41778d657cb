package com.bpocontractflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.bpocontractflow.merchant.MerchantAnswers;
import com.bpocontractflow.dispute.DisputeResolutionProcess;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.sla.SlaReviewProcess;
import com.bpocontractflow.term.ServiceTermProcess;
import com.bpocontractflow.team.Teams;
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
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each team may do, with the engine's authorizations enabled. A team sees and works only the tasks
 * offered to it (the engine grants a task's candidate group READ and UPDATE on it) and, through them, the
 * data of the contracts it works on; sales may start contracts; managers see and work everything and use
 * Cockpit; the integrations' technical users correlate messages; only {@code camunda-admin} administers.
 * Grants are created when missing, so operators may add their own.
 */
@Component
class TeamAuthorizations {

  static final String CAMUNDA_ADMIN = "camunda-admin";
  /** The group of the user under which merchants' answers through links are recorded. */
  static final String MERCHANT_LINKS_GROUP = MerchantAnswers.MERCHANT_GROUP;

  private final AuthorizationService authorizations;

  TeamAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  @Order(5)
  public void onEngineStarted(ApplicationStartedEvent event) {
    String process = ContractSigningProcess.KEY;
    for (Teams team : Teams.taskTeams()) {
      String group = team.groupId();
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.FILTER, ANY, Permissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
      for (String key : List.of(process, ServiceTermProcess.KEY, SlaReviewProcess.KEY, DisputeResolutionProcess.KEY)) {
        grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      }
    }
    // who starts what: sales a contract, sales and legal a dispute, integrations (the CS system) a period review
    startableBy(Teams.SALES.groupId(), process, DisputeResolutionProcess.KEY);
    startableBy(Teams.LEGAL.groupId(), DisputeResolutionProcess.KEY);
    startableBy(Teams.INTEGRATIONS.groupId(), SlaReviewProcess.KEY);

    String managers = Teams.MANAGERS.groupId();
    grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grant(managers, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
    grant(managers, Resources.TASK, ANY, Permissions.ALL);
    grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(managers, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(managers, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);

    for (String group : List.of(Teams.INTEGRATIONS.groupId(), MERCHANT_LINKS_GROUP)) {
      grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);
    }
    // the integrations correlate termination notices to the running service term
    grant(Teams.INTEGRATIONS.groupId(), Resources.PROCESS_DEFINITION, ServiceTermProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    // answers through links complete the waiting task; the user cannot log in (no such identity exists)
    grant(MERCHANT_LINKS_GROUP, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE,
        TaskPermissions.TASK_WORK);
  }

  private void startableBy(String group, String... processKeys) {
    for (String key : processKeys) {
      grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).list().stream().findFirst().orElse(null);
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
