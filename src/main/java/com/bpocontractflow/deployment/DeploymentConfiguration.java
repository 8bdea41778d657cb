package com.bpocontractflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

  @Bean
  ModelDeployment modelDeployment() {
    return new ModelDeployment();
  }

  @Bean
  ModelMigration modelMigration(ProcessEngine engine) {
    return new ModelMigration(engine);
  }

  @Bean
  ModelDeployer modelDeployer(ModelDeployment deployment, RepositoryService repositoryService, ModelMigration migration,
      @Value("${bpo.migration.enabled:true}") boolean migrationEnabled) {
    return new ModelDeployer(deployment, repositoryService, migrationEnabled ? migration : null);
  }

  /**
   * Deploys the models once the engine is up, then moves the running instances of older versions to the
   * latest one (ModelMigration, unless bpo.migration.enabled is false). Both run under the start-up lock.
   */
  static class ModelDeployer {
    private final ModelDeployment deployment;
    private final RepositoryService repositoryService;
    private final ModelMigration migration;

    ModelDeployer(ModelDeployment deployment, RepositoryService repositoryService, ModelMigration migration) {
      this.deployment = deployment;
      this.repositoryService = repositoryService;
      this.migration = migration;
    }

    @EventListener
    public void onEngineStarted(ApplicationStartedEvent event) {
      try {
        deployment.deploy(repositoryService);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read bpmn/ or forms/ from the classpath", e);
      }
      if (migration != null) {
        migration.migrateAll();
      }
    }
  }
}
