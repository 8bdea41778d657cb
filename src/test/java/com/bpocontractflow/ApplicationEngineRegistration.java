package com.bpocontractflow;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
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
 *
 * <p>The same holds for the web apps' runtime delegates ({@code Admin}, {@code Tasklist}, {@code Cockpit},
 * {@code Welcome}): each application's servlet context sets them, JVM-wide, when it starts, and sets them to
 * null when it stops (e.g. {@code AdminContainerBootstrap}). After another application of the test JVM stopped,
 * the first web-app request of a cached application (its API servlet starts lazily) met a null delegate and
 * answered 500 — a web-app login in whichever test came first (seen as an order-dependent failure of
 * IntegrityTest and ContractSigningPostgresTest). They are set again as each application's start sets them.
 * A deployed application runs one servlet context per JVM and never meets this.
 */
public class ApplicationEngineRegistration implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifUnique(ProcessEngines::registerProcessEngine);
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
