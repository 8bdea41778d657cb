package com.bpocontractflow.signing;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Settings shared by the engine-only tests. */
public final class EngineTests {

  /**
   * The engine configuration of engine-only tests. Not named camunda.cfg.xml: a file of that name on the
   * classpath would make the REST API of the Spring Boot tests build a second, unrelated engine from it.
   */
  public static final String CONFIGURATION = "engine-test.camunda.cfg.xml";

  private EngineTests() {
  }

  /**
   * Submits the latest start form of {@code processKey} as {@code user} of {@code group}, as Tasklist does
   * (the engine's authorizations and guards apply to that user).
   */
  public static ProcessInstance submitStartForm(ProcessEngine engine, String processKey, String user, String group,
      Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(processKey).latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definition, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
