package com.bpocontractflow.signing;

/** Settings shared by the engine-only tests. */
public final class EngineTests {

  /**
   * The engine configuration of engine-only tests. Not named camunda.cfg.xml: a file of that name on the
   * classpath would make the REST API of the Spring Boot tests build a second, unrelated engine from it.
   */
  public static final String CONFIGURATION = "engine-test.camunda.cfg.xml";

  private EngineTests() {
  }
}
