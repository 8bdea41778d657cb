package com.bpocontractflow.team;

import java.util.List;

/** The provider's teams: Camunda groups that tasks are offered to (candidate groups). */
public enum Teams {
  SALES("sales", "销售团队", "销售任务"),
  LEGAL("legal", "法务团队", "法务任务"),
  FINANCE("finance", "财务团队", "财务任务"),
  ONBOARDING("onboarding", "上线实施团队", "上线实施任务"),
  MANAGERS("managers", "管理层", "待经理处理"),
  /** Operators: read health details and metrics ({@code /actuator}); administrators may too. */
  OPERATORS("operators", "运维", null);

  private final String groupId;
  private final String groupName;
  private final String filterName;

  Teams(String groupId, String groupName, String filterName) {
    this.groupId = groupId;
    this.groupName = groupName;
    this.filterName = filterName;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }

  /** The Tasklist filter of the team, or null for a team that works no task. */
  public String filterName() {
    return filterName;
  }

  public static List<Teams> all() {
    return List.of(values());
  }

  /** The teams that work tasks in Tasklist. */
  public static List<Teams> taskTeams() {
    return all().stream().filter(team -> team.filterName != null).toList();
  }
}
