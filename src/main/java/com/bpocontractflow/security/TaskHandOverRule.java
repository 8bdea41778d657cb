package com.bpocontractflow.security;

import com.bpocontractflow.team.Teams;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * No hand-over to another team. The engine lets anyone who may work a task "claim" it for any user id;
 * here a team member may claim a task only for themselves, and a manager may assign it only to someone of
 * the team it is offered to or to a manager. Applies to people; the application's own steps are not people.
 */
@Component
public class TaskHandOverRule extends AbstractProcessEnginePlugin {

  static final String CAMUNDA_ADMIN = "camunda-admin";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    TaskListener rule = TaskHandOverRule::check;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, rule);
      }
    });
  }

  static void check(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    Authentication actor = context == null ? null : context.getAuthentication();
    String assignee = task.getAssignee();
    // listeners run with the engine's authorization checks off, so "a person" is told apart from the
    // application's own steps (ApplicationActions) and from jobs (no authentication) here
    if (actor == null || ApplicationActions.acting() || assignee == null) {
      return;
    }
    List<String> actorGroups = actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
    if (actorGroups.contains(CAMUNDA_ADMIN)) {
      return;
    }
    boolean manager = actorGroups.contains(Teams.MANAGERS.groupId());
    if (!manager && !assignee.equals(actor.getUserId())) {
      throw new InvalidInputException("只能由本人领取任务，不能把任务交给他人（如需转交，请联系经理）");
    }
    Set<String> offeredTo = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    offeredTo.add(Teams.MANAGERS.groupId());
    boolean member = context.runWithoutAuthorization(() -> task.getProcessEngineServices().getIdentityService()
        .createGroupQuery().groupMember(assignee).list().stream().anyMatch(group -> offeredTo.contains(group.getId())));
    if (!member) {
      throw new InvalidInputException("用户 " + assignee + " 不属于处理此任务的团队，不能把任务交给他");
    }
  }
}
