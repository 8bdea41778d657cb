package com.bpocontractflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine outside the demo profile unless the administrator's password comes from the
 * environment ({@code BPO_ADMIN_PASSWORD}): there is no default password in production.
 */
@Component
class AdminPasswordRequired extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "BPO_ADMIN_PASSWORD is not set: outside the demo profile the administrator's "
      + "password must come from the environment (at least 12 characters).";

  private final Environment environment;

  AdminPasswordRequired(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank() || password.length() < 12) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
