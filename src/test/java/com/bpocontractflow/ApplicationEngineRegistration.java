package com.bpocontractflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before each test of a Spring Boot test class, registers the engine of the test's application in
 * {@link ProcessEngines}. Camunda's REST API and web apps look their engine up there by name
 * ({@code default}), in a registry of the whole JVM, while Spring keeps the application of each test
 * configuration cached for later classes: an application started since then (another configuration,
 * {@code StartupSecurityTest}, {@code ModelDeploymentTest}) registered its own engine under that name, or
 * removed it when it closed, and a test reusing the cached application would reach another application's
 * engine (401 for the demo users) or none (404). Registered in {@code META-INF/spring.factories}.
 */
public class ApplicationEngineRegistration implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifUnique(ProcessEngines::registerProcessEngine);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
