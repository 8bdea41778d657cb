package com.bpocontractflow.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A team's task list stays fast with many open tasks: the engine's task query (list and count, also behind
 * Tasklist's filters) runs with an authorization check the database can hash (engine/task-list-authorization.xml
 * explains it), instead of the engine's join that compares every task with every authorization. Each
 * candidate group gets one authorization per task (the integrity model, docs/access.md), so with the
 * engine's join a team user's list took seconds at 10,000 open tasks on PostgreSQL; the meaning of the
 * check, and so who sees which task, is unchanged (TaskListAuthorizationTest).
 *
 * <p>The statements replace the engine's through {@link EngineStatements}; nothing of the engine is replaced on
 * the classpath.
 */
@Component
public class TaskListAuthorization extends AbstractProcessEnginePlugin {

  static final String MAPPER = "engine/task-list-authorization.xml";
  static final String NAMESPACE = "com.bpocontractflow.security.TaskListAuthorization";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteriaHashedAuthorization",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteriaHashedAuthorization");
  /** The engine version whose Task.xml the statements were derived from: check them again on an upgrade. */
  static final String DERIVED_FROM_ENGINE = "7.24.0";

  /**
   * The task columns the engine's schema indexes and a task query may be ordered by: a page ordered by one
   * of them is read along the index and stops after the page.
   */
  static final Set<String> INDEXED_ORDERINGS = Set.of("ID_", "CREATE_TIME_", "LAST_UPDATED_", "ASSIGNEE_",
      "OWNER_");

  /**
   * Whether a task list is paged along an index (its first ordering is an indexed task column, or none, which
   * the engine orders by id): then the mapping checks each task it reads with an index probe instead of
   * hashing all of the user's grants first (engine/task-list-authorization.xml). Called from the mapping.
   */
  public static boolean pagedByIndex(List<QueryOrderingProperty> orderings) {
    if (orderings == null || orderings.isEmpty()) {
      return true;
    }
    QueryOrderingProperty first = orderings.get(0);
    return first.getRelation() == null && first.getQueryProperty() != null
        && INDEXED_ORDERINGS.contains(first.getQueryProperty().getName());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineStatements.override(configuration, MAPPER, STATEMENTS);
  }
}
