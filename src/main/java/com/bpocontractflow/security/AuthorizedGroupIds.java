package com.bpocontractflow.security;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every command of an authenticated staff member first asks which groups hold any authorization; the engine
 * answers it by reading the whole authorization table, which holds a grant per open task and candidate group
 * (the integrity model), so the cost of every staff command grew with the open tasks. This plugin answers the
 * same question along the group index, one probe per group (engine/authorized-group-ids.xml explains it;
 * docs/performance.md has the measurement). Who may do what is unchanged: the answer is the same set
 * (AuthorizedGroupIdsTest).
 */
@Component
public class AuthorizedGroupIds extends AbstractProcessEnginePlugin {

  static final String MAPPER = "engine/authorized-group-ids.xml";
  static final String NAMESPACE = "com.bpocontractflow.security.AuthorizedGroupIds";
  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  static final Map<String, String> STATEMENTS = Map.of(ENGINE_STATEMENT, NAMESPACE + ".selectAuthorizedGroupIdsAlongIndex");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineStatements.override(configuration, MAPPER, STATEMENTS);
  }
}
