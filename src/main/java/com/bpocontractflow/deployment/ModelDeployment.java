package com.bpocontractflow.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders (packaged under the same names) as one
 * deployment. Resource names are {@code bpmn/<file>} and {@code forms/<file>} however the application
 * was started (jar, {@code spring-boot:run}, tests), and unchanged resources are filtered as duplicates,
 * so restarting never creates new process versions. Forms are in the same deployment as the models
 * ({@code camunda:formRefBinding="deployment"}), so every changed deployment carries all of them.
 */
public class ModelDeployment {

  public static final String DEPLOYMENT_NAME = "bpo-contract-flow";
  static final List<String> FOLDERS = List.of("bpmn", "forms");
  static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  /** The resources to deploy, by their stable names. */
  public List<NamedResource> resources() throws IOException {
    List<NamedResource> found = new ArrayList<>();
    for (String folder : FOLDERS) {
      for (Resource resource : resolver.getResources("classpath*:" + folder + "/*")) {
        String file = resource.getFilename();
        if (file != null && SUFFIXES.stream().anyMatch(file::endsWith)) {
          found.add(new NamedResource(folder + "/" + file, resource));
        }
      }
    }
    found.sort(Comparator.comparing(NamedResource::name));
    return found;
  }

  /** Deploys when anything changed; returns the deployment (the previous one when nothing changed). */
  public Deployment deploy(RepositoryService repositoryService) throws IOException {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("bpo-contract-flow")
        .enableDuplicateFiltering(false);
    List<InputStream> streams = new ArrayList<>();
    try {
      for (NamedResource resource : resources()) {
        InputStream in = resource.resource().getInputStream();
        streams.add(in);
        builder.addInputStream(resource.name(), in);
      }
      DeploymentWithDefinitions deployment = builder.deployWithResult();
      List<ProcessDefinition> created = deployment.getDeployedProcessDefinitions();
      if (created == null || created.isEmpty()) {
        LOG.info("Models and forms unchanged: deployment {} stays current", deployment.getId());
      } else {
        LOG.info("Deployed {} resources as deployment {}: {}", builder.getResourceNames().size(), deployment.getId(),
            created.stream().map(ProcessDefinition::getId).toList());
      }
      return deployment;
    } finally {
      for (InputStream in : streams) {
        in.close();
      }
    }
  }

  public record NamedResource(String name, Resource resource) {
  }
}
