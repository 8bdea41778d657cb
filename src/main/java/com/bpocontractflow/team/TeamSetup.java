package com.bpocontractflow.team;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, when missing, the teams' groups and the Tasklist filters: one per team, plus "我的任务" and
 * "全部任务". Filters show the contract number and merchant of each task in the list.
 */
@Component
public class TeamSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TeamSetup.class);

  static final String MY_TASKS = "我的任务";
  static final String ALL_TASKS = "全部任务";

  private static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "contractNumber", "label", "合同编号"),
      Map.of("name", "merchantName", "label", "商家"));

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;

  public TeamSetup(IdentityService identityService, FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener
  @Order(0)
  public void onEngineStarted(ApplicationStartedEvent event) {
    for (Teams team : Teams.all()) {
      createGroupIfMissing(team);
    }
    createFilterIfMissing(MY_TASKS, -10, "#2e7d32", "分配给我的任务",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    int priority = 0;
    for (Teams team : Teams.taskTeams()) {
      createFilterIfMissing(team.filterName(), priority++, "#1565c0", team.groupName() + "可领取和处理的任务",
          taskService.createTaskQuery().taskCandidateGroup(team.groupId()).includeAssignedTasks());
    }
    createFilterIfMissing(ALL_TASKS, 100, "#555555", "所有进行中的任务", taskService.createTaskQuery());
  }

  private void createGroupIfMissing(Teams team) {
    if (identityService.createGroupQuery().groupId(team.groupId()).count() == 0) {
      Group group = identityService.newGroup(team.groupId());
      group.setName(team.groupName());
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      LOG.info("Created group {}", team.groupId());
    }
  }

  private void createFilterIfMissing(String name, int priority, String color, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "priority", priority,
            "color", color,
            "description", description,
            "refresh", true,
            "variables", LIST_VARIABLES));
    filterService.saveFilter(filter);
  }
}
