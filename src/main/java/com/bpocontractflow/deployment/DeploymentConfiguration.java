package com.bpocontractflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
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
  ModelDeployer modelDeployer(ModelDeployment deployment, RepositoryService repositoryService) {
    return new ModelDeployer(deployment, repositoryService);
  }

  /** Deploys the models once the engine is up. */
  static class ModelDeployer {
    private final ModelDeployment deployment;
    private final RepositoryService repositoryService;

    ModelDeployer(ModelDeployment deployment, RepositoryService repositoryService) {
      this.deployment = deployment;
      this.repositoryService = repositoryService;
    }

    @EventListener
    public void onEngineStarted(ApplicationStartedEvent event) {
      try {
        deployment.deploy(repositoryService);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read bpmn/ or forms/ from the classpath", e);
      }
    }
  }
}
